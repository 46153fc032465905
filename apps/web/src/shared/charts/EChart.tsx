import { BarChart, LineChart, MapChart } from 'echarts/charts';
import {
  GeoComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  ToolboxComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { createContext, useContext, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { captionSubtitle, downloadCaptionedPng } from './png-export';

echarts.use([
  BarChart,
  LineChart,
  MapChart,
  GeoComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  ToolboxComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
]);

export { echarts };

/** Today as YYYY-MM-DD (local), the export date on a chart's PNG. */
const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/**
 * The toolbox a downloadable chart carries: a PNG (white background, double resolution) with the
 * chart's title, its scope and the export date above it (#12 item 7). The scope and the wording of
 * the subtitle come from the chart's element (`data-export-scope`, `data-export-words`, set by
 * EChart), so the callers keep passing the button's title and the file name only.
 */
export function pngToolbox(title: string, fileName: string) {
  return {
    right: 8,
    top: 0,
    feature: {
      myPng: {
        show: true,
        title,
        icon: 'path://M4 20h16v-2H4v2zm8-4 6-6h-4V4h-4v6H6l6 6z',
        onclick: (_model: unknown, api: { getDom(): HTMLElement }) => {
          const dom = api.getDom();
          const instance = echarts.getInstanceByDom(dom);
          if (!instance) return;
          const words = JSON.parse(dom.dataset.exportWords ?? '{"scope":"{{scope}}","date":"{{date}}"}') as { scope: string; date: string };
          const caption = { title: fileName, subtitle: captionSubtitle(dom.dataset.exportScope, today(), words) };
          void downloadCaptionedPng(instance.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' }), caption, fileName);
        },
      },
    },
  };
}

/** The scope charts are exported for (the user's organisation in the console; none on public pages). */
export const ChartScopeContext = createContext<string | undefined>(undefined);

interface Props {
  option: echarts.EChartsCoreOption;
  height: number;
  /** Accessible name; without it the canvas is not announced as an image. */
  label?: string;
  testId: string;
  onClick?: (params: { name?: string; dataIndex?: number; seriesIndex?: number }) => void;
}

/** The console's one ECharts canvas (registration above, resize, click): it follows its option and its container's width. */
export default function EChart({ option, height, label, testId, onClick }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const { t } = useTranslation();
  const scope = useContext(ChartScopeContext);
  const exportWords = JSON.stringify({
    scope: t('details.chart.scope', { scope: '{{scope}}' }),
    date: t('details.chart.date', { date: '{{date}}' }),
  });
  const chart = useRef<echarts.ECharts | null>(null);
  const click = useRef(onClick);
  click.current = onClick;

  useEffect(() => {
    if (!ref.current) return;
    const instance = echarts.init(ref.current, undefined, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (params) => click.current?.(params as { name?: string; dataIndex?: number }));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(ref.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  const style = { width: '100%', height };
  const exportData = { 'data-export-scope': scope, 'data-export-words': exportWords };
  if (!label) return <div ref={ref} style={style} data-testid={testId} {...exportData} />;
  return <div ref={ref} style={style} role="img" aria-label={label} data-testid={testId} {...exportData} />;
}
