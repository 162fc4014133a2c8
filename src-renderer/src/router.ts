import { createRouter, createWebHashHistory, type RouteRecordRaw, type Router } from 'vue-router'
import HomeView from './views/HomeView.vue'

// Home is the first screen and ships in the entry chunk; every other screen loads when first opened
// (with its heavy libraries: markdown and highlighting, charts, date pickers).
export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: HomeView, meta: { title: 'Home' } },
  { path: '/setup', name: 'setup', component: () => import('./views/SetupView.vue'), meta: { title: 'Set up a round' } },
  { path: '/round', name: 'round', component: () => import('./views/InterviewView.vue'), meta: { title: 'Interview' } },
  {
    path: '/summary/:id',
    name: 'summary',
    component: () => import('./views/SummaryView.vue'),
    props: true,
    meta: { title: 'Round summary' }
  },
  { path: '/history', name: 'history', component: () => import('./views/HistoryView.vue'), meta: { title: 'History' } },
  { path: '/history/:id', name: 'session', component: () => import('./views/SessionView.vue'), props: true, meta: { title: 'Session' } },
  // ---- settings (#11) ----
  { path: '/settings', name: 'settings', component: () => import('./views/SettingsView.vue'), meta: { title: 'Settings' } },
  // ---- issue-10 ----
  { path: '/questions', name: 'questions', component: () => import('./views/QuestionsView.vue'), meta: { title: 'Questions' } },
  {
    path: '/questions/new',
    name: 'question-new',
    component: () => import('./views/QuestionEditView.vue'),
    meta: { title: 'New question' }
  },
  {
    path: '/questions/edit/:id',
    name: 'question-edit',
    component: () => import('./views/QuestionEditView.vue'),
    props: true,
    meta: { title: 'Edit question' }
  },
  { path: '/questions/import', name: 'import', component: () => import('./views/ImportView.vue'), meta: { title: 'Import questions' } },
  // ---- issue #9 ----
  { path: '/data', name: 'data', component: () => import('./views/DataView.vue'), meta: { title: 'Data and backups' } },
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
