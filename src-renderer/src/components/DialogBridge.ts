/** First screen (#11): inside DialogHost's provider, hands its dialog API to lib/dialogs.ts. */
import { defineComponent } from 'vue'
import { useDialog } from 'naive-ui'
import { provideDialogs } from '../lib/dialogs'

export default defineComponent({
  name: 'DialogBridge',
  setup() {
    provideDialogs(useDialog())
    return () => null
  }
})
