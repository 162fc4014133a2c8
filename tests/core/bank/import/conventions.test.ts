import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { importPaths, importText } from '../../../../src-main/core/bank/import/index'
import { decodeText, MAX_IMPORT_BYTES } from '../../../../src-main/core/bank/import/guard'

const FIX = join(import.meta.dirname, '../../../fixtures/import')
const file = (n: string): string => join(FIX, n)
const byQuestion = async (n: string): Promise<Map<string, { answer: string; line: number; flags: string[] }>> => {
  const r = await importPaths([file(n)])
  return new Map(r.found.map((q) => [q.question, q]))
}

describe('Markdown conventions', () => {
  it('takes question headings with the answer below, not the TOC, section titles, contributing or licence', async () => {
    const qs = await byQuestion('headings.md')
    expect(qs.get('What is a Pod?')?.answer).toContain('smallest deployable unit')
    expect(qs.get('What is a Pod?')?.answer).toContain('#### Example')
    expect(qs.get('What is a Pod?')?.answer).not.toMatch(/Back to top/i)
    expect(qs.get('What is a Pod?')?.line).toBe(10)
    expect(qs.get('How does a Service find its Pods?')?.answer).not.toContain('---')
    expect(qs.get('Explain the role of etcd')?.answer).toMatch(/API server/)
    expect(qs.get('Why would a Pod stay Pending?')?.flags).toEqual(['no-answer'])
    expect(qs.get('Networking')?.flags).toContain('section-title')
    expect(qs.has('How do I add a question?')).toBe(false)
    expect(qs.has('Basics')).toBe(false)
    expect(qs.has('Kubernetes interview questions')).toBe(false)
  })

  it('reads <details><summary> blocks with the oddities of real files', async () => {
    const qs = await byQuestion('details.md')
    expect(qs.get('What is DevOps?')?.answer).toBe('A culture and set of practices that bring development and operations together.')
    expect(qs.get('What is Continuous Integration?')?.answer).toMatch(/several times a day\.$/)
    expect(qs.get('What is a container image?')?.answer).toBe('A read-only template with layers.')
    expect(qs.get('What is a registry?')?.answer).toBe('Storage for images, e.g. `docker.io`.')
    expect(qs.get('What does `kubectl drain` do?')?.answer).toContain('```bash\nkubectl drain node-1')
    expect(qs.get('What is a sidecar?')?.flags).toEqual(['no-answer'])
    const init = qs.get('What is an init container?')?.answer ?? ''
    expect(init).toContain('Think ordering.')
    expect(init).toContain('Init containers run one after the other.')
    expect(qs.has('Hint')).toBe(false)
    expect([...qs.values()].every((q) => !/<\/?(details|summary|b)>/i.test(q.answer))).toBe(true)
  })

  it('reads **Q:**/**A:** and Q:/A: lines, answers spanning paragraphs and code', async () => {
    const qs = await byQuestion('qa-lines.md')
    expect(qs.get('What is a ReplicaSet?')?.answer).toBe('It keeps a stable number of Pod replicas running.')
    expect(qs.get('What is a DaemonSet?')?.answer).toBe('It runs one Pod on every (matching) node.\nUseful for log shippers.')
    expect(qs.get('How do you roll back a Deployment?')?.answer).toBe('```bash\nkubectl rollout undo deployment/web\n```')
    expect(qs.get('What is a Job?')?.answer).toBe('Runs Pods until a number of them succeed.')
    expect(qs.get('What is a CronJob?')?.flags).toEqual(['no-answer'])
    expect([...qs.keys()].some((k) => /closing remark/.test(k))).toBe(false)
  })

  it('reads numbered questions with **Answer:** in or after the item, and skips numbered link lists', async () => {
    const qs = await byQuestion('numbered.md')
    expect(qs.get('What is a zombie process?')?.answer).toMatch(/^A process that has exited/)
    expect(qs.get('How do you find which process listens on port 80?')?.answer).toBe("`ss -ltnp 'sport = :80'` or `lsof -i :80`.")
    expect(qs.get('What does `load average` mean?')?.answer).toMatch(/^The average number/)
    expect(qs.get('Explain the difference between a hard link and a symbolic link.')?.answer).toMatch(/^- A hard link/)
    expect(qs.get('What is swap used for?')?.flags).toEqual(['no-answer'])
    expect(qs.size).toBe(5)
  })

  it('pairs a question list with its Answers section, and with an answers file beside it', async () => {
    const qs = await byQuestion('list-with-answers.md')
    expect(qs.get('What port does DNS use?')?.answer).toBe('UDP and TCP port 53.')
    expect(qs.get('What is a subnet mask?')?.answer).toMatch(/network and which the host/)
    const split = await importPaths([join(FIX, 'split')])
    expect(split.found.map((q) => [q.question, q.answer])).toEqual([
      ['What is a Dockerfile?', 'A text file of instructions that build an image.'],
      ['What does `docker build` do?', 'It builds an image from a Dockerfile and a context.']
    ])
    expect(split.skipped).toEqual([])
  })

  it('reads Q::A one-liners but not C++ scope operators in prose', async () => {
    const qs = await byQuestion('oneliners.md')
    expect(qs.get('Which port does the API server listen on by default?')?.answer).toBe('6443')
    expect(qs.size).toBe(3)
  })

  it('takes nothing from a page of decoys', async () => {
    const r = await importPaths([file('decoys.md')])
    expect(r.found).toEqual([])
    expect(r.skipped).toEqual([{ file: file('decoys.md'), reason: 'no questions found' }])
  })

  it('takes the label off "Q:", "Question 3:" and "12." headings', async () => {
    const r = await importText(
      '### Q: What is a Pod?\n\nA group.\n\n### Question 3: Why etcd?\n\nState.\n\n### 12) How to drain?\n\nkubectl drain.\n',
      'x.md'
    )
    expect(r.questions.map((q) => q.question)).toEqual(['What is a Pod?', 'Why etcd?', 'How to drain?'])
  })

  it('marks answers that are only a link', async () => {
    const r = await importText(
      '## What is GitOps?\n\n[Read this](https://example.com/gitops)\n\n## What is Argo CD?\n\nA GitOps controller.\n',
      'x.md'
    )
    expect(r.questions.map((q) => q.flags)).toEqual([['link-only'], []])
  })
})

describe('Anki plain text', () => {
  it('honours #separator, #html and #columns, quoted fields and tag columns', async () => {
    const r = await importPaths([file('anki.txt'), file('anki-semicolon.txt')])
    const qs = new Map(r.found.map((q) => [q.question, q]))
    expect(qs.get('What is etcd?')?.answer).toBe('A consistent _key-value_ store.\nUsed by Kubernetes.')
    expect(qs.get('What is etcd?')?.line).toBe(5)
    expect(qs.get('What is a multiline question?')?.answer).toBe('Answer with "quotes"\tand a tab')
    expect(qs.get('What is a Lease?')?.flags).toEqual(['no-answer'])
    expect(qs.get('What is RBAC?')?.answer).toBe('Role-based access control.')
  })
})

describe('files the importer refuses', () => {
  it('refuses binary, non-UTF-8 and too-large files with a reason', async () => {
    const r = await importPaths([file('image.md'), file('latin1.md'), file('missing.md')])
    expect(r.skipped).toEqual([
      { file: file('missing.md'), reason: 'no such file or folder' },
      { file: file('image.md'), reason: 'binary file (contains NUL bytes), not text' },
      { file: file('latin1.md'), reason: 'not UTF-8 text (save it as UTF-8 and import again)' }
    ])
    expect(() => decodeText(new Uint8Array(MAX_IMPORT_BYTES + 1))).toThrow(/too large \(32\.0 MB; at most 32\.0 MB\)/)
  })
})

describe('adversarial Markdown', () => {
  it('copes with CRLF, emoji, code fences, a missing </details> and HTML in answers', async () => {
    const r = await importPaths([file('adversarial.md')])
    const qs = new Map(r.found.map((q) => [q.question, q]))
    expect(qs.get('What is a CRLF file?')?.answer).toBe(
      'Windows line endings everywhere.\n\n```markdown\n## What is inside a code block?\n\nNot a question.\n```'
    )
    expect(qs.has('What is inside a code block?')).toBe(false)
    expect(qs.get('What if the closing tag is missing?')?.answer).toBe('The next block starts anyway.')
    expect(qs.get('What comes after the missing tag?')?.answer).toBe('This one is closed.')
    expect(qs.get('What about a script in an answer?')?.answer).toContain('<script>alert(1)</script>')
    expect(qs.get('What is quoted here?')?.line).toBe(28)
  })

  it('turns any answer into one a bank can store: reserved headings demoted, fences closed', async () => {
    const { adaptAnswer } = await import('../../../../src-main/core/bank/import/to-bank')
    expect(adaptAnswer('## Title\ntext\n```\n## code\n```\n```js\nopen')).toBe('#### Title\ntext\n```\n## code\n```\n```js\nopen\n```')
  })
})

describe('bold questions', () => {
  it('takes paragraphs that are all bold and ask something, with the answer below', async () => {
    const qs = await byQuestion('bold.md')
    expect(qs.get('What is an SLI?')?.answer).toBe('A measured indicator of service level, such as the share of successful requests.')
    expect(qs.get('What is the difference between an SLO and an SLA?')?.answer).toBe(
      'The SLO is the internal target; the SLA is the contract with consequences.\n\n- SLAs are looser than SLOs\n\n**Note:** this is not a question.'
    )
    expect(qs.get('What is a toil budget?')?.flags).toEqual(['no-answer'])
    expect(qs.size).toBe(3)
  })
})

describe('patterns measured on public collections (synthetic copies)', () => {
  it('keeps numbered section titles, restating answer titles and bold-label lists out, and strips Answer/Q:/A: labels', async () => {
    const qs = await byQuestion('real-patterns.md')
    expect(qs.has('Design / Strategy')).toBe(false)
    expect(qs.get('How would you plan a two-region rollout?')?.answer).toMatch(/^Start with one region/)
    const slo = qs.get('How do you set SLOs for a new service?')
    expect(slo?.flags).toEqual([])
    expect(slo?.answer).toBe('#### Setting SLOs for a new service\n\nPick two or three user journeys and measure a baseline first.')
    expect(qs.has('Setting SLOs for a new service')).toBe(false)
    expect([...qs.keys()].some((k) => /Define SLIs|Set SLOs/.test(k))).toBe(false)
    expect(qs.get('What is a distroless image?')?.answer).toBe('An image with the runtime only: no shell and no package manager.')
    expect(qs.get('What is a DaemonSet?')?.answer).toBe('A controller that runs one Pod on every matching node.')
    expect([...qs.keys()].some((k) => /When to use/.test(k))).toBe(false)
  })

  it('reads a <summary> that runs over blank lines, keeping its list or YAML at the top of the answer', async () => {
    const qs = await byQuestion('real-patterns.md')
    const expose = qs.get('Expose the deployment with these settings:')
    expect(expose?.answer).toBe('* name: web\n* port: 8080\n\n`kubectl expose deployment web --port=8080`')
    const fix = qs.get('Fix the following manifest')
    expect(fix?.answer).toBe('```yaml\nkind: Deploymnt\n```\n\nThe kind is `Deployment`.')
    expect(qs.size).toBe(7)
  })
})

describe('scenario headings (synthetic copy of a public collection pattern)', () => {
  it('takes a "Scenario N" section as the question its paragraphs ask, with the rest as the answer', async () => {
    const r = await importPaths([file('scenarios.md')])
    const qs = new Map(r.found.map((q) => [q.question, q]))
    const first = qs.get('A node is `NotReady` after a kernel upgrade. What do you look at first?')
    expect(first?.answer).toBe("The kubelet's journal: `journalctl -u kubelet`.")
    expect(first?.flags).toEqual([])
    expect(first?.line).toBe(15)
    expect(qs.get('Pods on one node cannot resolve names. Is CoreDNS the cause?')?.answer).toMatch(/^Not necessarily/)
    expect([...qs.keys()].some((k) => k.startsWith('Scenario'))).toBe(false)
    expect(qs.get('Further notes')?.flags).toContain('section-title')
    expect(r.found.filter((q) => q.flags.length === 0)).toHaveLength(5)
  })
})

describe('a tutorial page (synthetic copy of a public collection pattern)', () => {
  it('takes question headings and the unanswered question list, not short command titles', async () => {
    const r = await importPaths([file('tutorial.md')])
    expect(r.found.map((q) => [q.question, q.flags])).toEqual([
      ['What is a Service?', []],
      ['What is a headless Service?', ['no-answer']],
      ['Explain how kube-proxy routes Service traffic.', ['no-answer']],
      ['Why does a Service have no endpoints?', ['no-answer']]
    ])
  })
})
