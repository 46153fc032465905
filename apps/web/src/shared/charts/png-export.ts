/** The lines written above a chart in its PNG download (#12 item 7): what it shows, for whom, when. */
export interface PngCaption {
  title: string;
  /** e.g. "范围：黄埔区 · 导出日期：2026-12-07". */
  subtitle: string;
}

/** The caption's subtitle: scope (when known) and the export date, joined. */
export function captionSubtitle(scope: string | undefined, date: string, words: { scope: string; date: string }): string {
  return [scope ? words.scope.replace('{{scope}}', scope) : null, words.date.replace('{{date}}', date)].filter(Boolean).join(' · ');
}

/**
 * Draws the chart image under a white header with the caption and starts the download. The chart
 * image comes from ECharts' own getDataURL (already at double resolution).
 */
export async function downloadCaptionedPng(chartDataUrl: string, caption: PngCaption, fileName: string, pixelRatio = 2): Promise<void> {
  const image = new Image();
  image.src = chartDataUrl;
  await image.decode();
  const header = 64 * pixelRatio;
  const canvas = document.createElement('canvas');
  canvas.width = image.width;
  canvas.height = image.height + header;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = '#1f1f1f';
  ctx.font = `600 ${18 * pixelRatio}px sans-serif`;
  ctx.fillText(caption.title, 16 * pixelRatio, 28 * pixelRatio);
  ctx.fillStyle = '#595959';
  ctx.font = `${13 * pixelRatio}px sans-serif`;
  ctx.fillText(caption.subtitle, 16 * pixelRatio, 50 * pixelRatio);
  ctx.drawImage(image, 0, header);
  const link = document.createElement('a');
  link.download = `${fileName}.png`;
  link.href = canvas.toDataURL('image/png');
  link.click();
}
