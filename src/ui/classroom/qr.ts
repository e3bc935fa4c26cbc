// A QR code for the projector's join link, drawn as SVG rectangles from the code's modules: no markup string is
// ever parsed, and the link is the only input.
import qrcode from 'qrcode-generator';

const SVG = 'http://www.w3.org/2000/svg';

export function qrSvg(text: string, label: string): SVGSVGElement {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  const n = qr.getModuleCount();
  const margin = 4;
  const size = n + margin * 2;
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${size} ${size}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
  svg.setAttribute('shape-rendering', 'crispEdges');
  const bg = document.createElementNS(SVG, 'rect');
  bg.setAttribute('width', String(size));
  bg.setAttribute('height', String(size));
  bg.setAttribute('fill', '#ffffff');
  svg.append(bg);
  // One path for all dark modules: a few hundred rectangles would make a heavy DOM.
  let d = '';
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) if (qr.isDark(r, c)) d += `M${c + margin} ${r + margin}h1v1h-1z`;
  }
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', d);
  path.setAttribute('fill', '#000000');
  svg.append(path);
  return svg;
}

const drawn = new Map<string, SVGSVGElement>();

/**
 * The same code for the same link and label, drawn once: a page that redraws every second (the projector's clock)
 * keeps one SVG node, which the template places as a node child.
 */
export function memoQr(text: string, label: string): SVGSVGElement {
  const key = `${text}\n${label}`;
  let svg = drawn.get(key);
  if (!svg) {
    // A page shows one or two codes at a time; older ones are dropped.
    if (drawn.size >= 4) drawn.clear();
    svg = qrSvg(text, label);
    drawn.set(key, svg);
  }
  return svg;
}
