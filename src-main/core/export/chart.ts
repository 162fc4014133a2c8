/**
 * Charts for the PDF, drawn by ECharts' server-side SVG renderer in plain Node (no DOM, no canvas):
 * the same code runs in both shells and in the tests. Animations are off so the SVG is stable.
 */
import type { EChartsCoreOption } from 'echarts/core'
import { lazily } from '../lazy'
import type { TrendPoint } from './progress'
import type { ScorecardTopic } from './scorecard'

type ECharts = typeof import('echarts/core')

/** ECharts with what the charts use, loaded on the first chart: about 370 ms the app's start-up does not pay. */
export const chartsReady = lazily(async (): Promise<ECharts> => {
  const [echarts, charts, components, renderers] = await Promise.all([
    import('echarts/core'),
    import('echarts/charts'),
    import('echarts/components'),
    import('echarts/renderers')
  ])
  echarts.use([charts.LineChart, charts.BarChart, components.GridComponent, components.MarkLineComponent, renderers.SVGRenderer])
  return echarts
})

const FONT = 'DejaVu Sans, sans-serif'
const INK = '#24292f'
const ACCENT = '#2f6fde'

function render(echarts: ECharts, option: EChartsCoreOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height })
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: FONT, color: INK }, ...option })
    return chart.renderToSVGString()
  } finally {
    chart.dispose()
  }
}

/** Average grade per session over time, 1–5. */
export function trendChart(echarts: ECharts, points: TrendPoint[], width = 515, height = 220): string {
  const data = points.filter((p) => p.averageRating !== null).map((p) => [Date.parse(p.startedAt), p.averageRating])
  return render(
    echarts,
    {
      grid: { left: 40, right: 16, top: 16, bottom: 32 },
      xAxis: { type: 'time', axisLabel: { fontSize: 9, hideOverlap: true } },
      yAxis: { type: 'value', min: 1, max: 5, interval: 1, axisLabel: { fontSize: 9 }, name: 'grade', nameTextStyle: { fontSize: 9 } },
      series: [
        {
          type: 'line',
          data,
          showSymbol: data.length <= 60,
          symbolSize: 4,
          lineStyle: { width: 1.5, color: ACCENT },
          itemStyle: { color: ACCENT }
        }
      ]
    },
    width,
    height
  )
}

/** Average grade per topic of one session, as horizontal bars. */
export function topicChart(echarts: ECharts, topics: ScorecardTopic[], width = 515): string {
  const rows = topics.filter((t) => t.averageRating !== null)
  const height = Math.max(80, 24 + rows.length * 22)
  return render(
    echarts,
    {
      grid: { left: 130, right: 24, top: 8, bottom: 24 },
      xAxis: { type: 'value', min: 0, max: 5, interval: 1, axisLabel: { fontSize: 9 } },
      yAxis: { type: 'category', inverse: true, data: rows.map((t) => t.topic), axisLabel: { fontSize: 9 } },
      series: [
        {
          type: 'bar',
          data: rows.map((t) => t.averageRating),
          barMaxWidth: 14,
          itemStyle: { color: ACCENT },
          label: { show: true, position: 'right', fontSize: 9 }
        }
      ]
    },
    width,
    height
  )
}
