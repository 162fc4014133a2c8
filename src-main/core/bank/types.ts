export const DIFFICULTIES = ['easy', 'medium', 'hard'] as const
export type Difficulty = (typeof DIFFICULTIES)[number]

/** The topic vocabulary shared by every bank (content/README.md explains each). */
export const TOPICS = [
  'architecture',
  'etcd',
  'linux-networking',
  'dns',
  'cni',
  'services',
  'network-policy',
  'ingress-mesh',
  'scheduling',
  'storage',
  'security',
  'certificates',
  'upgrades',
  'backup-dr',
  'troubleshooting',
  'extensibility',
  'multi-cluster',
  'gitops',
  'containers',
  'workloads',
  'kubectl'
] as const
export type Topic = (typeof TOPICS)[number]

export interface Question {
  /** Stable id, unique across all banks. */
  id: string
  bankId: string
  text: string
  topics: string[]
  difficulty: Difficulty
  /** Suggested time to answer, in seconds. */
  timeSec: number
  /** `<seed file> :: <locator>` or `original`. */
  sources: string[]
  /** Model answer, Markdown. */
  answer: string
  keyPoints: string[]
  /** 1-based line of the question heading in its file. */
  line: number
}

export interface Bank {
  id: string
  title: string
  description: string
  version: number
  file: string
  questions: Question[]
}

export interface BankLoadProblem {
  file: string
  line: number
  message: string
}
