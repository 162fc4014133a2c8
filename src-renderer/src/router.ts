import { createRouter, createWebHashHistory, type RouteRecordRaw, type Router } from 'vue-router'
import HomeView from './views/HomeView.vue'
import SetupView from './views/SetupView.vue'
import InterviewView from './views/InterviewView.vue'
import SummaryView from './views/SummaryView.vue'
import HistoryView from './views/HistoryView.vue'
import SessionView from './views/SessionView.vue'
// ---- issue-10 ----
import QuestionsView from './views/QuestionsView.vue'
import QuestionEditView from './views/QuestionEditView.vue'
import ImportView from './views/ImportView.vue'
import DataView from './views/DataView.vue'

export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: HomeView, meta: { title: 'Home' } },
  { path: '/setup', name: 'setup', component: SetupView, meta: { title: 'Set up a round' } },
  { path: '/round', name: 'round', component: InterviewView, meta: { title: 'Interview' } },
  { path: '/summary/:id', name: 'summary', component: SummaryView, props: true, meta: { title: 'Round summary' } },
  { path: '/history', name: 'history', component: HistoryView, meta: { title: 'History' } },
  { path: '/history/:id', name: 'session', component: SessionView, props: true, meta: { title: 'Session' } },
  // ---- issue-10 ----
  { path: '/questions', name: 'questions', component: QuestionsView, meta: { title: 'Questions' } },
  { path: '/questions/new', name: 'question-new', component: QuestionEditView, meta: { title: 'New question' } },
  { path: '/questions/edit/:id', name: 'question-edit', component: QuestionEditView, props: true, meta: { title: 'Edit question' } },
  { path: '/questions/import', name: 'import', component: ImportView, meta: { title: 'Import questions' } },
  { path: '/data', name: 'data', component: DataView, meta: { title: 'Data and backups' } }, // issue #9
  // ---- review (issue #8): Statistics is its own chunk (ECharts loads only there) ----
  { path: '/review', name: 'review', component: () => import('./views/ReviewView.vue'), meta: { title: 'Review' } },
  { path: '/statistics', name: 'statistics', component: () => import('./views/StatisticsView.vue'), meta: { title: 'Statistics' } },
  { path: '/:pathMatch(.*)*', redirect: '/' }
]

/** Hash history: the app is loaded from file:// in Electron. */
export function createAppRouter(): Router {
  const router = createRouter({
    history: createWebHashHistory(),
    routes,
    scrollBehavior: () => ({ top: 0 })
  })
  router.afterEach((to) => {
    const title = to.meta.title as string | undefined
    document.title = title && title !== 'Home' ? `${title} · Interview Drill` : 'Interview Drill'
  })
  return router
}
