/**
 * Saves a chart drawn on the page (the overview strip, the map) as an SVG or PNG file. The copy
 * is standalone: the page's stylesheet (design tokens, light or dark) is resolved into inline
 * presentation attributes, so the file looks the same outside the page.
 */
const PROPS = ['fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-opacity', 'opacity', 'font-family', 'font-size', 'font-weight', 'text-anchor', 'display'] as const;

/** A standalone SVG document of `svg`, with computed styles inlined and a background. */
export function standaloneSvg(svg: SVGSVGElement, background: string): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const src = [svg, ...svg.querySelectorAll('*')];
  const dst = [copy, ...copy.querySelectorAll('*')];
  src.forEach((node, i) => {
    const target = dst[i];
    if (!(target instanceof SVGElement) || !(node instanceof SVGElement)) return;
    const cs = getComputedStyle(node);
    for (const p of PROPS) {
      const v = cs.getPropertyValue(p);
      if (v) target.setAttribute(p, v);
    }
    target.removeAttribute('class');
    target.removeAttribute('tabindex');
  });
  const box = svg.viewBox.baseVal;
  const width = box && box.width ? box.width : svg.clientWidth;
  const height = box && box.height ? box.height : svg.clientHeight;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  if (!copy.getAttribute('viewBox')) copy.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const bg = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', background);
  copy.insertBefore(bg, copy.firstChild);
  return new XMLSerializer().serializeToString(copy);
}

/** Offers a blob as a download named `name` (also used by the exports in main.ts). */
export function save(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function saveSvg(svg: SVGSVGElement, name: string): void {
  const bg = getComputedStyle(document.body).backgroundColor || '#fff';
  save(`${name}.svg`, new Blob([standaloneSvg(svg, bg)], { type: 'image/svg+xml' }));
}

/** PNG at twice the drawn size (the SVG drawn on a canvas through a data: URL, which the CSP allows). */
export function savePng(svg: SVGSVGElement, name: string): Promise<void> {
  const bg = getComputedStyle(document.body).backgroundColor || '#fff';
  const text = standaloneSvg(svg, bg);
  const box = svg.viewBox.baseVal;
  const w = box && box.width ? box.width : svg.clientWidth;
  const h = box && box.height ? box.height : svg.clientHeight;
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = Math.round(w * 2);
      canvas.height = Math.round(h * 2);
      const ctx = canvas.getContext('2d');
      if (!ctx) return reject(new Error('no canvas'));
      ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
      canvas.toBlob((blob) => {
        if (!blob) return reject(new Error('no image'));
        save(`${name}.png`, blob);
        resolve();
      }, 'image/png');
    };
    img.onerror = () => reject(new Error('the chart could not be drawn'));
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
  });
}
