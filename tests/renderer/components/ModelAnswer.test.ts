// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import ModelAnswer from '@renderer/components/ModelAnswer.vue'

const followUps = [
  { question: 'How would you tell that a service is being throttled?', answer: 'Compare `throttled_periods` with `periods`.' },
  { question: 'And at the memory limit?', answer: 'The OOM killer ends a process: **OOMKilled**.' }
]
const props = {
  spoken: 'A CPU limit becomes a CFS quota; over it the container is throttled, not killed.',
  answer: 'The kubelet writes the **quota** to `cpu.max`:\n\n```bash\ncat /sys/fs/cgroup/cpu.max\n```',
  followUps
}

describe('ModelAnswer', () => {
  it('shows the spoken answer first and keeps the detail under a closed "Going deeper" disclosure', async () => {
    const w = mount(ModelAnswer, { props, attachTo: document.body })
    const headings = w.findAll('h3').map((h) => h.text())
    expect(headings).toEqual(['Spoken answer', expect.stringContaining('Going deeper'), 'The interviewer then asks…'])
    expect(w.text().indexOf('CFS quota')).toBeLessThan(w.text().indexOf('Going deeper'))
    const toggle = w.get('h3 button')
    expect(toggle.attributes('aria-expanded')).toBe('false')
    const panel = w.get(`#${toggle.attributes('aria-controls')}`)
    expect(panel.isVisible()).toBe(false)
    expect(panel.find('strong').text()).toBe('quota')
    expect(panel.find('pre code').text()).toContain('cpu.max')
    await toggle.trigger('click')
    expect(toggle.attributes('aria-expanded')).toBe('true')
    expect(panel.isVisible()).toBe(true)
    await toggle.trigger('click')
    expect(panel.isVisible()).toBe(false)
  })

  it('lists the follow-ups as headings, each answer hidden until asked for', async () => {
    const w = mount(ModelAnswer, { props, attachTo: document.body })
    expect(w.findAll('ol > li h4').map((h) => h.text())).toEqual(followUps.map((f) => f.question))
    const buttons = w.findAll('ol > li button')
    expect(buttons.map((b) => b.attributes('aria-expanded'))).toEqual(['false', 'false'])
    expect(buttons[1].text()).toBe('Show answer to follow-up 2')
    const second = w.get(`#${buttons[1].attributes('aria-controls')}`)
    expect(second.isVisible()).toBe(false)
    await buttons[1].trigger('click')
    expect(second.isVisible()).toBe(true)
    expect(second.html()).toContain('<strong>OOMKilled</strong>')
    expect(buttons[1].attributes('aria-expanded')).toBe('true')
    expect(buttons[1].text()).toMatch(/^Hide answer/)
    expect(w.get(`#${buttons[0].attributes('aria-controls')}`).isVisible()).toBe(false)
  })

  it('closes everything again when another question is shown', async () => {
    const w = mount(ModelAnswer, { props, attachTo: document.body })
    await w.get('h3 button').trigger('click')
    await w.findAll('ol > li button')[0].trigger('click')
    await w.setProps({ spoken: 'Another spoken answer.', answer: 'Another answer.' })
    expect(w.get('h3 button').attributes('aria-expanded')).toBe('false')
    expect(w.findAll('ol > li button')[0].attributes('aria-expanded')).toBe('false')
  })

  it('shows an answer without a spoken part as before, with no disclosure, and follows the heading level', () => {
    const w = mount(ModelAnswer, { props: { answer: 'etcd needs a **quorum**.', headingLevel: 5 } })
    expect(w.find('button').exists()).toBe(false)
    expect(w.html()).toContain('<strong>quorum</strong>')
    expect(w.text()).not.toMatch(/Going deeper|Spoken answer|interviewer/)
    const withFollowUps = mount(ModelAnswer, { props: { ...props, headingLevel: 5 } })
    expect(withFollowUps.findAll('h5')).toHaveLength(3)
    expect(withFollowUps.findAll('h6')).toHaveLength(2)
  })

  it('sanitizes Markdown in spoken answers and follow-ups', () => {
    const w = mount(ModelAnswer, {
      props: {
        answer: 'x',
        spoken: 'Say <img src=x onerror=alert(1)> this',
        followUps: [{ question: 'Q?', answer: '<script>alert(1)</script>ok' }]
      }
    })
    expect(w.find('img').exists()).toBe(false)
    expect(w.find('script').exists()).toBe(false)
    expect(w.find('[onerror]').exists()).toBe(false)
  })
})
