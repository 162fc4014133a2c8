// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { defineComponent, h } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'
import { NMessageProvider } from 'naive-ui'
import { describe, expect, it } from 'vitest'
import { buildApi } from '../../../src-main/api-surface'
import { setApi } from '@renderer/api'
import { useAppStore } from '@renderer/stores/app'
import ResumeOffer from '@renderer/components/ResumeOffer.vue'
import { statusLabel } from '@renderer/lib/format'

describe('an interrupted round (defect 16)', () => {
  it('reads "interrupted" in History unless it is the round running now', () => {
    expect(statusLabel('running')).toBe('interrupted')
    expect(statusLabel('running', true)).toBe('in progress')
    expect(statusLabel('finished')).toBe('finished')
  })

  it('is offered for resuming wherever the offer is placed, and resumes through the API', async () => {
    const calls: [string, unknown][] = []
    setApi(
      buildApi(
        async (channel, input) => {
          calls.push([channel, input])
          return { ok: true, value: channel === 'round:resumeInterrupted' ? { id: 'r1', status: 'running', question: {} } : null }
        },
        () => () => undefined
      )
    )
    setActivePinia(createPinia())
    const app = useAppStore()
    app.interrupted = { id: 'r1', startedAt: '2026-01-01T09:00:00.000Z', questionCount: 5, gradedCount: 2, index: 2 }
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { render: () => null } }] })
    const Host = defineComponent({ render: () => h(NMessageProvider, null, { default: () => h(ResumeOffer) }) })
    const w = mount(Host, { global: { plugins: [router] } })
    expect(w.text()).toContain('2 of 5 questions graded')
    await w.findAll('button')[0].trigger('click')
    await new Promise((r) => setTimeout(r, 10))
    expect(calls).toContainEqual(['round:resumeInterrupted', { roundId: 'r1' }])
    expect(app.interrupted).toBeNull()
    expect(router.currentRoute.value.path).toBe('/round')
  })
})
