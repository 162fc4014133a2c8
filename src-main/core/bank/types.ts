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
  'kubectl',
  'autoscaling',
  'observability',
  'sre-practice',
  'linux-performance',
  'packaging',
  'supply-chain',
  'behavioural'
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
  /** What a strong candidate says first (`### Spoken answer`); absent in older banks. */
  spoken?: string
  /** Public documentation pages for the facts (`- reference:` lines, http(s) URLs). */
  references?: string[]
  /** "The interviewer then asks…" probes (`### Follow-ups`), each with a short answer. */
  followUps?: FollowUp[]
  /** Set on a question derived from a follow-up (`<parent>-fu<N>`): the question it follows. */
  followUpOf?: { id: string; text: string }
}

/** One interviewer follow-up: a one-line question and its short Markdown answer. */
export interface FollowUp {
  question: string
  answer: string
}

export interface Bank {
  id: string
  title: string
  description: string
  version: number
  /** Kubernetes version the bank is written against (front matter `kubernetes`), e.g. "1.34". */
  kubernetes?: string
  file: string
  questions: Question[]
  /**
   * Questions derived from the follow-ups of `questions` (see core/bank/followups.ts), drawn into a
   * round only when the setup asks for them. Kept apart so that counts and serialization see only
   * the questions written in the file.
   */
  followUpQuestions?: Question[]
}

/** Counts of a set of questions, as the setup screen shows them. */
export interface QuestionTally {
  questionCount: number
  topics: Record<string, number>
  difficulties: Record<Difficulty, number>
  matrix: { topic: string; difficulty: Difficulty; count: number }[]
}

export interface BankLoadProblem {
  file: string
  line: number
  message: string
}
