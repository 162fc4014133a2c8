import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { createAppRouter } from './router'
import { installCodeThemes } from './lib/code-theme'
import './styles/base.css'
import './styles/markdown.css'

installCodeThemes()
createApp(App).use(createPinia()).use(createAppRouter()).mount('#app')
