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
import { useEffect, useRef } from 'react';

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

/** The toolbox a downloadable chart carries: save as PNG (white background, double resolution). */
export function pngToolbox(title: string, fileName: string) {
  return {
    right: 8,
    top: 0,
    feature: { saveAsImage: { title, name: fileName, type: 'png', pixelRatio: 2, backgroundColor: '#fff' } },
  };
}

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
  if (!label) return <div ref={ref} style={style} data-testid={testId} />;
  return <div ref={ref} style={style} role="img" aria-label={label} data-testid={testId} />;
}
