import type { EChartsCoreOption } from "echarts/core";
import { useEffect, useRef } from "react";

export interface ChartProps {
  readonly option: EChartsCoreOption;
  readonly height?: number;
  /** What the chart shows, for screen readers (echarts' aria adds a description of the data). */
  readonly label: string;
}

/** An echarts chart; echarts itself loads the first time a chart is shown. */
export function Chart({ option, height = 320, label }: ChartProps) {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<{
    setOption(o: EChartsCoreOption, notMerge?: boolean): void;
    resize(): void;
    dispose(): void;
  } | null>(null);
  const latest = useRef(option);
  latest.current = option;

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | null = null;
    void import("./echarts-setup.ts").then(({ echarts }) => {
      if (disposed || !host.current) return;
      const c = echarts.init(host.current, undefined, { renderer: "canvas" });
      c.setOption({ aria: { enabled: true }, ...latest.current }, true);
      chart.current = c;
      observer = new ResizeObserver(() => c.resize());
      observer.observe(host.current);
    });
    return () => {
      disposed = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption({ aria: { enabled: true }, ...option }, true);
  }, [option]);

  return <div ref={host} role="img" aria-label={label} style={{ width: "100%", height }} />;
}
