// Harbour lesson cast: draws every picture in people/, places/ and things/ from simple shapes.
// Run with `node lessons/cast/make-cast.mjs` (no dependencies); it rewrites the SVG files.
// Style: flat colours, one dark outline colour (O) of 7 px, no text, no gradients, no animation.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const O = '#1f2a44'; // outline
const W = 7; // outline width
const r1 = (n) => Math.round(n);

// ---------- tiny drawing helpers ----------
// Every shape is outlined unless it says otherwise: the outline style is set once, on a group.
const GROUP = `stroke="${O}" stroke-width="${W}" stroke-linejoin="round" stroke-linecap="round"`;
const circle = (cx, cy, r, fill, o = true) =>
	`<circle cx="${r1(cx)}" cy="${r1(cy)}" r="${r1(r)}" fill="${fill}"${o ? '' : ' stroke="none"'}/>`;
const ellipse = (cx, cy, rx, ry, fill, o = true, extra = '') =>
	`<ellipse cx="${r1(cx)}" cy="${r1(cy)}" rx="${r1(rx)}" ry="${r1(ry)}" fill="${fill}"${o ? '' : ' stroke="none"'}${extra}/>`;
const rect = (x, y, w, h, rx, fill, o = true) =>
	`<rect x="${r1(x)}" y="${r1(y)}" width="${r1(w)}" height="${r1(h)}" rx="${rx}" fill="${fill}"${o ? '' : ' stroke="none"'}/>`;
const path = (d, fill, o = true) => `<path d="${d}" fill="${fill}"${o ? '' : ' stroke="none"'}/>`;
const line = (d, colour = O, width = W) =>
	`<path d="${d}" fill="none"${colour === O ? '' : ` stroke="${colour}"`}${width === W ? '' : ` stroke-width="${r1(width)}"`}/>`;
// A thick limb with an outline: drawn twice, dark and wide first.
const limb = (d, colour, width) => line(d, O, width + 2 * W) + line(d, colour, width);
const g = (inner, transform) => `<g transform="${transform}">${inner}</g>`;
const svg = (vb, inner) => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${vb}"><g ${GROUP}>${inner}</g></svg>\n`;

// A bumpy hair or cloud shape: circles outlined, then filled again without outline so they merge.
const bumps = (pts, r, fill) =>
	pts.map(([x, y, rr]) => circle(x, y, (rr ?? r) + W / 2, O, false)).join('') +
	pts.map(([x, y, rr]) => circle(x, y, (rr ?? r) - W / 2, fill, false)).join('');
const arcPts = (cx, cy, rad, from, to, n) =>
	Array.from({ length: n }, (_, i) => {
		const a = ((from + ((to - from) * i) / (n - 1)) * Math.PI) / 180;
		return [cx + rad * Math.cos(a), cy + rad * Math.sin(a)];
	});

// ---------- faces ----------
// Every mood is read from the eyebrows, eyes and mouth, and kept gentle.
function face(cx, cy, r, mood, { glasses = false, dog = false } = {}) {
	const k = r / 84; // sizes below are for a head of radius 84
	const ex = r * 0.36,
		ey = cy - r * 0.02,
		my = cy + r * 0.42,
		lw = Math.max(4, 7 * k),
		bw = Math.max(3.5, 6 * k);
	const n = (v) => r1(v * k);
	const out = [];
	const eye = (x, dx = 0, dy = 0) => circle(x + n(dx), ey + n(dy), r * 0.075, O, false);
	const brow = (d) => line(d, O, bw);
	if (mood === 'happy') {
		for (const x of [cx - ex, cx + ex]) out.push(line(`M${r1(x - n(12))} ${r1(ey + n(4))}q${n(12)} ${n(-16)} ${n(24)} 0`, O, lw));
		out.push(`<path d="M${r1(cx - r * 0.34)} ${r1(my - n(8))}Q${cx} ${r1(my + r * 0.34)} ${r1(cx + r * 0.34)} ${r1(my - n(8))}Z" fill="#ffffff" stroke="${O}" stroke-width="${r1(lw)}" stroke-linejoin="round"/>`);
		for (const x of [cx - ex, cx + ex]) out.push(brow(`M${r1(x - n(14))} ${r1(ey - r * 0.24)}q${n(14)} ${n(-10)} ${n(28)} 0`));
	} else if (mood === 'sad') {
		out.push(eye(cx - ex, 0, 5), eye(cx + ex, 0, 5));
		out.push(brow(`M${r1(cx - ex - n(16))} ${r1(ey - r * 0.16)}L${r1(cx - ex + n(12))} ${r1(ey - r * 0.26)}`));
		out.push(brow(`M${r1(cx + ex + n(16))} ${r1(ey - r * 0.16)}L${r1(cx + ex - n(12))} ${r1(ey - r * 0.26)}`));
		out.push(line(`M${r1(cx - r * 0.2)} ${r1(my + n(8))}Q${cx} ${r1(my - n(12))} ${r1(cx + r * 0.2)} ${r1(my + n(8))}`, O, lw));
		out.push(path(`M${r1(cx + ex + n(2))} ${r1(ey + r * 0.14)}q${n(-9)} ${n(16)} 0 ${n(20)}q${n(9)} ${n(-4)} 0 ${n(-20)}Z`, '#8fd3f4', false));
	} else if (mood === 'worried') {
		out.push(circle(cx - ex, ey, r * 0.14, '#ffffff'), circle(cx + ex, ey, r * 0.14, '#ffffff'));
		out.push(eye(cx - ex, 0, 2), eye(cx + ex, 0, 2));
		out.push(brow(`M${r1(cx - ex - n(16))} ${r1(ey - r * 0.24)}Q${r1(cx - ex)} ${r1(ey - r * 0.36)} ${r1(cx - ex + n(14))} ${r1(ey - r * 0.32)}`));
		out.push(brow(`M${r1(cx + ex + n(16))} ${r1(ey - r * 0.24)}Q${r1(cx + ex)} ${r1(ey - r * 0.36)} ${r1(cx + ex - n(14))} ${r1(ey - r * 0.32)}`));
		const w = r * 0.22;
		out.push(line(`M${r1(cx - w)} ${r1(my)}q${r1(w / 2)} ${n(-10)} ${r1(w)} 0t${r1(w)} 0`, O, lw));
	} else {
		// thinking: eyes look up and to the side, one eyebrow up, small sideways mouth
		out.push(eye(cx - ex, 6, -6), eye(cx + ex, 6, -6));
		out.push(brow(`M${r1(cx - ex - n(14))} ${r1(ey - r * 0.22)}h${n(28)}`));
		out.push(brow(`M${r1(cx + ex - n(14))} ${r1(ey - r * 0.26)}q${n(14)} ${n(-14)} ${n(28)} ${n(-4)}`));
		out.push(line(`M${r1(cx - r * 0.05)} ${r1(my + n(2))}q${r1(r * 0.14)} ${n(-8)} ${r1(r * 0.26)} ${n(-6)}`, O, lw));
	}
	if (!dog && mood !== 'worried')
		out.push(circle(cx - r * 0.58, cy + r * 0.28, r * 0.12, '#f49a9a', false), circle(cx + r * 0.58, cy + r * 0.28, r * 0.12, '#f49a9a', false));
	if (glasses) {
		const gr = r * 0.22;
		out.push(circle(cx - ex, ey, gr, 'none'), circle(cx + ex, ey, gr, 'none'));
		out.push(line(`M${r1(cx - ex + gr)} ${r1(ey)}Q${cx} ${r1(ey - 8)} ${r1(cx + ex - gr)} ${r1(ey)}`, O, 6));
	}
	return out.join('');
}
const thoughtBubbles = (x, y) => circle(x, y, 9, '#ffffff') + circle(x + 22, y - 28, 14, '#ffffff') + circle(x + 52, y - 64, 20, '#ffffff');

// ---------- people ----------
const SKIN = { deep: '#6b4226', brown: '#9a6236', light: '#c98d5e', fair: '#f3cdb2', warm: '#e8b48c' };
const people = {
	sam: { kind: 'child', skin: SKIN.deep, hair: 'curly', hairColour: '#1c1512', top: '#3f9be0', bottom: '#2c3e7a', shoes: '#e85d4a' },
	priya: { kind: 'child', skin: SKIN.light, hair: 'plait', hairColour: '#231a18', top: '#8e5cc7', bottom: '#8e5cc7', skirt: true, legs: '#f2b134', shoes: '#2c3e7a', glasses: true },
	alfie: { kind: 'wheelchair', skin: SKIN.fair, hair: 'tufts', hairColour: '#d4622a', top: '#3fae6a', bottom: '#2c3e7a', shoes: '#f2b134' },
	'ms-oak': { kind: 'adult', skin: SKIN.warm, hair: 'bob', hairColour: '#1e1a1a', top: '#2f9e8f', under: '#fff4d6', bottom: '#2c3e7a', skirt: true, legs: '#5b4a7a', shoes: '#1f2a44', lanyard: true },
	nana: { kind: 'adult', skin: SKIN.deep, hair: 'grey', hairColour: '#c9ccd3', top: '#b0557f', under: '#f7e7a6', bottom: '#6c6f9a', skirt: true, legs: '#6b4226', shoes: '#5a3b2a', glasses: true, buttons: true },
	dad: { kind: 'adult', skin: SKIN.brown, hair: 'short', hairColour: '#2a1c14', top: '#f08a3c', bottom: '#3b5b8c', shoes: '#3a2a20', beard: true },
	zara: { kind: 'child', skin: SKIN.brown, hair: 'bunches', hairColour: '#1c1512', top: '#f2b134', bottom: '#2f9e8f', shoes: '#8e5cc7', hearingAid: true },
	grandad: { kind: 'adult', skin: SKIN.fair, hair: 'grey', hairColour: '#eceef2', top: '#3f7fc0', under: '#e6eef7', bottom: '#5b4a3a', shoes: '#3a2a20', glasses: true, beard: true },
	mum: { kind: 'adult', skin: SKIN.light, hair: 'scarf', hairColour: '#3f7fc0', top: '#6c6f9a', bottom: '#2c3e7a', skirt: true, legs: '#2c3e7a', shoes: '#1f2a44' },
};

function hairBack(p, cx, cy, r) {
	if (p.hair === 'bob') return path(`M${cx - r - 14} ${cy}Q${cx - r - 18} ${cy - r - 20} ${cx} ${cy - r - 12}Q${cx + r + 18} ${cy - r - 20} ${cx + r + 14} ${cy}L${cx + r + 12} ${cy + r * 0.7}L${cx - r - 12} ${cy + r * 0.7}Z`, p.hairColour);
	if (p.hair === 'grey') return bumps(arcPts(cx, cy - 6, r * 0.98, 150, 390, 9), 32, p.hairColour);
	// a headscarf: round the head and down over the shoulders
	if (p.hair === 'scarf') return path(`M${cx - r - 16} ${cy + r + 50}Q${cx - r - 24} ${cy - r - 24} ${cx} ${cy - r - 20}Q${cx + r + 24} ${cy - r - 24} ${cx + r + 16} ${cy + r + 50}Q${cx} ${cy + r + 70} ${cx - r - 16} ${cy + r + 50}Z`, p.hairColour);
	if (p.hair === 'bunches') return bumps([[cx - r - 18, cy - 30, 34], [cx + r + 18, cy - 30, 34]], 34, p.hairColour);
	return '';
}
function hairFront(p, cx, cy, r) {
	const c = p.hairColour;
	switch (p.hair) {
		case 'curly':
			return bumps([...arcPts(cx, cy - 4, r * 0.9, 185, 355, 9), [cx - 30, cy - r + 4], [cx + 30, cy - r + 4], [cx, cy - r - 4]], 24, c);
		case 'plait':
			return (
				path(`M${cx - r - 4} ${cy + 6}Q${cx - r} ${cy - r - 14} ${cx + 10} ${cy - r - 6}Q${cx + r + 8} ${cy - r + 6} ${cx + r + 4} ${cy + 10}Q${cx + 40} ${cy - r * 0.5} ${cx - 4} ${cy - r * 0.62}Q${cx - 50} ${cy - r * 0.5} ${cx - r - 4} ${cy + 6}Z`, c)
			);
		case 'tufts':
			return path(`M${cx - r - 2} ${cy - 6}Q${cx - r + 4} ${cy - r - 10} ${cx} ${cy - r - 8}l10 -22l12 22l16 -16l4 22Q${cx + r + 6} ${cy - r * 0.5} ${cx + r + 2} ${cy - 6}Q${cx + 30} ${cy - r * 0.6} ${cx - 10} ${cy - r * 0.55}Q${cx - r * 0.7} ${cy - r * 0.5} ${cx - r - 2} ${cy - 6}Z`, c);
		case 'bob':
			return path(`M${cx - r - 6} ${cy + 4}Q${cx - r} ${cy - r - 12} ${cx} ${cy - r - 8}Q${cx + r} ${cy - r - 12} ${cx + r + 6} ${cy + 4}Q${cx + r - 10} ${cy - r * 0.4} ${cx + 10} ${cy - r * 0.45}L${cx - r * 0.6} ${cy - r * 0.45}Q${cx - r + 8} ${cy - r * 0.3} ${cx - r - 6} ${cy + 4}Z`, c);
		case 'grey':
			return bumps(arcPts(cx, cy - 10, r * 0.9, 195, 345, 7), 22, c);
		case 'scarf':
			return path(`M${cx - r - 6} ${cy + 10}Q${cx - r - 8} ${cy - r - 10} ${cx} ${cy - r - 8}Q${cx + r + 8} ${cy - r - 10} ${cx + r + 6} ${cy + 10}Q${cx + r - 6} ${cy - r * 0.55} ${cx} ${cy - r * 0.6}Q${cx - r + 6} ${cy - r * 0.55} ${cx - r - 6} ${cy + 10}Z`, c);
		case 'bunches':
			return path(`M${cx - r - 2} ${cy - 4}Q${cx - r} ${cy - r - 12} ${cx} ${cy - r - 8}Q${cx + r} ${cy - r - 12} ${cx + r + 2} ${cy - 4}Q${cx + r - 14} ${cy - r * 0.55} ${cx} ${cy - r * 0.58}Q${cx - r + 14} ${cy - r * 0.55} ${cx - r - 2} ${cy - 4}Z`, c) + circle(cx - r - 4, cy - 40, 9, '#e85d4a') + circle(cx + r + 4, cy - 40, 9, '#e85d4a');
		case 'short':
			return path(`M${cx - r - 2} ${cy - 2}Q${cx - r - 4} ${cy - r - 14} ${cx + 6} ${cy - r - 10}Q${cx + r + 8} ${cy - r - 6} ${cx + r + 2} ${cy - 2}Q${cx + r - 8} ${cy - r * 0.5} ${cx + 20} ${cy - r * 0.55}Q${cx - r * 0.6} ${cy - r * 0.6} ${cx - r - 2} ${cy - 2}Z`, c);
	}
	return '';
}

// Arm paths by mood, from the shoulders; h = hand position.
function arms(mood, sx, sy, len, colour, skin, cx, chinY, chest) {
	const L = [],
		hands = [];
	const add = (d, hx, hy) => {
		L.push(limb(d, colour, 30));
		hands.push(circle(hx, hy, 17, skin));
	};
	const [lx, rx] = [cx - sx, cx + sx];
	if (mood === 'happy') {
		add(`M${lx} ${sy}Q${lx - 30} ${sy + len * 0.5} ${lx - 40} ${sy + len}`, lx - 40, sy + len + 8);
		add(`M${rx} ${sy}Q${rx + 40} ${sy - len * 0.3} ${rx + 50} ${sy - len * 0.75}`, rx + 52, sy - len * 0.75 - 10);
	} else if (mood === 'sad') {
		add(`M${lx} ${sy}Q${lx - 10} ${sy + len * 0.5} ${lx + 2} ${sy + len}`, lx + 4, sy + len + 8);
		add(`M${rx} ${sy}Q${rx + 10} ${sy + len * 0.5} ${rx - 2} ${sy + len}`, rx - 4, sy + len + 8);
	} else if (mood === 'worried') {
		add(`M${lx} ${sy}Q${lx - 14} ${chest + 40} ${cx - 16} ${chest}`, cx - 14, chest);
		add(`M${rx} ${sy}Q${rx + 14} ${chest + 40} ${cx + 16} ${chest}`, cx + 14, chest);
	} else {
		add(`M${lx} ${sy}Q${lx - 16} ${sy + len * 0.5} ${lx - 10} ${sy + len}`, lx - 10, sy + len + 8);
		add(`M${rx} ${sy}Q${rx + 40} ${chinY + 70} ${cx + 34} ${chinY + 4}`, cx + 30, chinY);
	}
	return L.join('') + hands.join('');
}

function person(name, mood) {
	const p = people[name];
	const out = [];
	if (p.kind === 'child' || p.kind === 'wheelchair') {
		const seated = p.kind === 'wheelchair';
		const cx = 200,
			r = 84,
			cy = seated ? 352 : 318;
		const shoulderY = cy + r + 14,
			bodyBottom = seated ? 570 : 560;
		if (seated) {
			// wheelchair: two big wheels at the sides, push handles, seat, footplate, small front wheels
			out.push(line(`M92 380V470`, O, 14), line(`M308 380V470`, O, 14));
			out.push(rect(74, 364, 34, 22, 10, '#2d2d3a'), rect(292, 364, 34, 22, 10, '#2d2d3a'));
			for (const wx of [98, 302]) {
				out.push(circle(wx, 598, 94, '#dfe6f0'), circle(wx, 598, 72, '#f7f9fc'));
				out.push(line(`M${wx - 66} 598H${wx + 66}M${wx} 532V664M${wx - 47} 551L${wx + 47} 645M${wx + 47} 551L${wx - 47} 645`, '#8a96a8', 5));
				out.push(circle(wx, 598, 16, '#2f6fb3'));
			}
			out.push(rect(110, 470, 180, 40, 12, '#2f6fb3'));
		}
		const back = hairBack(p, cx, cy, r);
		if (back) out.push(back);
		// legs and shoes
		if (seated) {
			out.push(rect(150, 500, 100, 50, 18, p.bottom));
			out.push(rect(152, 530, 40, 120, 16, p.bottom), rect(208, 530, 40, 120, 16, p.bottom));
			out.push(rect(130, 668, 140, 14, 6, '#2f6fb3'));
			out.push(ellipse(170, 654, 30, 15, p.shoes), ellipse(230, 654, 30, 15, p.shoes));
			out.push(circle(140, 684, 13, '#2d2d3a'), circle(260, 684, 13, '#2d2d3a'));
		} else {
			const legC = p.legs ?? p.bottom;
			out.push(rect(160, bodyBottom - 20, 34, 136, 14, legC), rect(206, bodyBottom - 20, 34, 136, 14, legC));
			out.push(ellipse(172, 680, 36, 16, p.shoes), ellipse(228, 680, 36, 16, p.shoes));
		}
		// body
		const top = shoulderY - 12;
		if (p.skirt) {
			out.push(path(`M${cx - 66} ${top + 18}Q${cx - 66} ${top} ${cx - 40} ${top}H${cx + 40}Q${cx + 66} ${top} ${cx + 66} ${top + 18}L${cx + 92} ${bodyBottom + 10}Q${cx} ${bodyBottom + 26} ${cx - 92} ${bodyBottom + 10}Z`, p.top));
			out.push(path(`M${cx - 30} ${top}Q${cx} ${top + 30} ${cx + 30} ${top}`, '#ffffff'));
		} else if (seated) {
			out.push(path(`M${cx - 70} ${top + 20}Q${cx - 70} ${top} ${cx - 44} ${top}H${cx + 44}Q${cx + 70} ${top} ${cx + 70} ${top + 20}V${bodyBottom - 40}Q${cx} ${bodyBottom - 28} ${cx - 70} ${bodyBottom - 40}Z`, p.top));
			out.push(path(`M${cx - 26} ${top}Q${cx} ${top + 22} ${cx + 26} ${top}`, '#ffffff'));
		} else {
			out.push(rect(cx - 44, bodyBottom - 44, 88, 56, 14, p.bottom));
			out.push(path(`M${cx - 70} ${top + 20}Q${cx - 70} ${top} ${cx - 44} ${top}H${cx + 44}Q${cx + 70} ${top} ${cx + 70} ${top + 20}V${bodyBottom - 30}H${cx - 70}Z`, p.top));
			out.push(path(`M${cx - 26} ${top}Q${cx} ${top + 22} ${cx + 26} ${top}`, '#ffffff'));
		}
		// head
		out.push(circle(cx - r + 2, cy + 8, 16, p.skin), circle(cx + r - 2, cy + 8, 16, p.skin));
		// a behind-the-ear hearing aid, in a bright colour the child chose
		if (p.hearingAid) out.push(path(`M${cx + r + 4} ${cy - 14}q18 4 16 26q-2 20 -16 24Z`, '#8e5cc7'));
		out.push(circle(cx, cy, r, p.skin));
		out.push(hairFront(p, cx, cy, r));
		out.push(face(cx, cy, r, mood, { glasses: p.glasses }));
		out.push(arms(mood, 62, top + 20, seated ? 100 : 118, p.top, p.skin, cx, cy + r - 2, top + 70));
		if (p.hair === 'plait')
			out.push(bumps([[cx - 66, cy + 50, 19], [cx - 70, cy + 84, 19], [cx - 70, cy + 118, 18], [cx - 68, cy + 150, 16]], 19, p.hairColour) + circle(cx - 68, cy + 174, 11, '#f2b134'));
		if (mood === 'thinking') out.push(thoughtBubbles(cx + r + 8, cy - r + 10));
	} else {
		// grown-up
		const cx = 200,
			r = 76,
			cy = 160,
			top = cy + r + 8;
		const waist = 440;
		out.push(hairBack(p, cx, cy, r));
		const legC = p.legs ?? p.bottom;
		if (p.skirt) {
			out.push(rect(162, 560, 32, 118, 14, legC), rect(206, 560, 32, 118, 14, legC));
			out.push(path(`M${cx - 74} ${waist - 10}H${cx + 74}L${cx + 98} ${580}Q${cx} ${596} ${cx - 98} ${580}Z`, p.bottom));
		} else {
			out.push(rect(156, waist - 20, 42, 256, 16, p.bottom), rect(202, waist - 20, 42, 256, 16, p.bottom));
		}
		out.push(ellipse(174, 682, 38, 14, p.shoes), ellipse(226, 682, 38, 14, p.shoes));
		// neck and top
		out.push(rect(cx - 20, cy + r - 20, 40, 40, 8, p.skin));
		if (p.under) out.push(path(`M${cx - 80} ${top + 24}Q${cx - 80} ${top} ${cx - 50} ${top}H${cx + 50}Q${cx + 80} ${top} ${cx + 80} ${top + 24}V${waist + 10}H${cx - 80}Z`, p.under));
		if (p.under) {
			// an open cardigan over a top
			out.push(path(`M${cx - 80} ${top + 24}Q${cx - 80} ${top} ${cx - 50} ${top}H${cx - 22}L${cx - 6} ${waist + 14}H${cx - 80}Z`, p.top));
			out.push(path(`M${cx + 80} ${top + 24}Q${cx + 80} ${top} ${cx + 50} ${top}H${cx + 22}L${cx + 6} ${waist + 14}H${cx + 80}Z`, p.top));
			if (p.buttons) for (const y of [300, 350, 400]) out.push(circle(cx - 20, y, 7, '#f7e7a6'));
		} else {
			out.push(path(`M${cx - 80} ${top + 24}Q${cx - 80} ${top} ${cx - 50} ${top}H${cx + 50}Q${cx + 80} ${top} ${cx + 80} ${top + 24}V${waist + 10}H${cx - 80}Z`, p.top));
			out.push(path(`M${cx - 26} ${top}Q${cx} ${top + 24} ${cx + 26} ${top}`, p.skin));
		}
		if (p.lanyard) {
			out.push(line(`M${cx - 24} ${top + 2}L${cx - 6} ${top + 96}M${cx + 24} ${top + 2}L${cx + 6} ${top + 96}`, '#d8402f', 8));
			out.push(rect(cx - 26, top + 92, 52, 64, 8, '#ffffff'), circle(cx, top + 116, 12, '#f2b134', false), line(`M${cx - 14} ${top + 140}h28`, O, 5));
		}
		if (p.hair !== 'scarf') out.push(circle(cx - r + 2, cy + 8, 15, p.skin), circle(cx + r - 2, cy + 8, 15, p.skin));
		out.push(circle(cx, cy, r, p.skin));
		if (p.beard) out.push(path(`M${cx - r + 4} ${cy + 4}Q${cx - r + 10} ${cy + r + 16} ${cx} ${cy + r + 14}Q${cx + r - 10} ${cy + r + 16} ${cx + r - 4} ${cy + 4}Q${cx + 40} ${cy + 30} ${cx} ${cy + 20}Q${cx - 40} ${cy + 30} ${cx - r + 4} ${cy + 4}Z`, p.hairColour));
		out.push(hairFront(p, cx, cy, r));
		if (p.beard) out.push(ellipse(cx, cy + r * 0.42, 34, 22, p.skin, false));
		out.push(face(cx, cy, r, mood, { glasses: p.glasses }));
		out.push(arms(mood, 72, top + 22, 170, p.top, p.skin, cx, cy + r - 2, top + 90));
		if (mood === 'thinking') out.push(thoughtBubbles(cx + r + 6, cy - r + 30));
	}
	return svg('0 0 400 700', out.join(''));
}

// Biscuit the dog, sitting, low in the box.
function biscuit(mood) {
	const fur = '#d9a25a',
		dark = '#8a5a2b',
		light = '#f5dcb0';
	const out = [];
	const tail = {
		happy: 'M290 600Q360 560 350 470',
		sad: 'M290 640Q340 660 360 690',
		worried: 'M290 640Q330 660 350 680',
		thinking: 'M290 610Q350 600 360 540',
	}[mood];
	out.push(limb(tail, fur, 26));
	out.push(ellipse(200, 600, 112, 94, fur));
	out.push(ellipse(200, 620, 60, 62, light, false));
	out.push(ellipse(150, 684, 40, 16, light), ellipse(250, 684, 40, 16, light));
	const tilt = mood === 'thinking' ? -10 : mood === 'sad' ? 6 : 0;
	const hy = mood === 'sad' ? 462 : 450;
	const earDown = mood === 'happy' || mood === 'thinking' ? 0 : 18;
	const head = [
		ellipse(122, hy + 10 + earDown, 30, 62, dark, true, ` transform="rotate(${18 + earDown} 122 ${hy + 10})"`),
		ellipse(278, hy + 10 + earDown, 30, 62, dark, true, ` transform="rotate(${-18 - earDown} 278 ${hy + 10})"`),
		circle(200, hy, 88, fur),
		ellipse(200, hy + 44, 50, 36, light),
		ellipse(200, hy + 24, 18, 12, O, false),
		face(200, hy - 14, 80, mood, { dog: true }).replace(/<path d="M[^"]*Z" fill="#ffffff"[^>]*\/>/, ''),
	];
	if (mood === 'happy') head.push(path(`M186 ${hy + 50}Q200 ${hy + 62} 214 ${hy + 50}Q214 ${hy + 80} 200 ${hy + 80}Q186 ${hy + 80} 186 ${hy + 50}Z`, '#f27d8c'));
	out.push(g(head.join(''), `rotate(${tilt} 200 ${hy + 60})`));
	out.push(path('M130 528Q200 556 270 528L266 546Q200 574 134 546Z', '#d8402f'), circle(200, 566, 14, '#f2c230'));
	if (mood === 'thinking') out.push(thoughtBubbles(292, 380));
	return svg('0 0 400 700', out.join(''));
}

// ---------- places (1600 x 900): calm, lower middle kept plain ----------
const sky = (c = '#cfe9f7') => rect(0, 0, 1600, 900, 0, c, false);
const cloud = (x, y, s = 1) => bumps([[x, y, 40 * s], [x + 50 * s, y - 20 * s, 50 * s], [x + 105 * s, y, 40 * s], [x + 50 * s, y + 12 * s, 42 * s]], 40, '#ffffff');
const tree = (x, y, s = 1) => rect(x - 22 * s, y, 44 * s, 200 * s, 10, '#9a6a3e') + bumps([[x - 70 * s, y - 10 * s, 70 * s], [x + 70 * s, y - 10 * s, 70 * s], [x, y - 70 * s, 90 * s], [x, y + 10 * s, 70 * s]], 70, '#7cbf6a');
const windowFrame = (x, y, w, h, inside) =>
	rect(x, y, w, h, 12, '#cfe9f7') + inside + line(`M${x + w / 2} ${y}V${y + h}M${x} ${y + h / 2}H${x + w}`, '#ffffff', 14) + rect(x, y, w, h, 12, 'none');
const bunting = (y, colours) =>
	line(`M0 ${y}Q800 ${y + 60} 1600 ${y}`, O, 5) +
	Array.from({ length: 14 }, (_, i) => {
		const x = 60 + i * 110,
			yy = y + 60 * (1 - ((x - 800) / 800) ** 2) - 4;
		return path(`M${x - 34} ${r1(yy)}H${x + 34}L${x} ${r1(yy + 60)}Z`, colours[i % colours.length]);
	}).join('');
const books = (x, y, n) =>
	Array.from({ length: n }, (_, i) => rect(x + i * 34, y + (i % 3) * 8, 28, 92 - (i % 3) * 8, 4, ['#e85d4a', '#3f9be0', '#f2b134', '#3fae6a', '#8e5cc7'][i % 5])).join('');
const wallClock = (x, y) => circle(x, y, 58, '#ffffff') + line(`M${x} ${y}V${y - 36}M${x} ${y}H${x + 26}`, O, 7);

const places = {
	classroom: () =>
		rect(0, 0, 1600, 900, 0, '#f6ecd6', false) +
		rect(0, 700, 1600, 200, 0, '#d8c39c', false) +
		line('M0 700H1600', O, 7) +
		bunting(40, ['#f28b82', '#fbd37a', '#8fd3a8', '#8fc4f0', '#c7a6e8']) +
		windowFrame(90, 190, 320, 300, tree(250, 420, 0.6) + cloud(150, 260, 0.6)) +
		rect(560, 170, 480, 290, 16, '#ffffff') +
		rect(540, 150, 520, 330, 20, 'none') +
		rect(600, 480, 400, 16, 6, '#b8c1cf') +
		wallClock(1200, 220) +
		rect(1240, 420, 300, 280, 10, '#c68b4e') +
		line('M1240 560H1540', O, 7) +
		books(1262, 460, 8) +
		books(1262, 600, 8) +
		rect(170, 600, 200, 100, 12, '#f2b134') +
		rect(230, 560, 80, 40, 8, '#3fae6a'),
	carpet: () =>
		rect(0, 0, 1600, 900, 0, '#eef3e2', false) +
		rect(0, 640, 1600, 260, 0, '#cdb896', false) +
		line('M0 640H1600', O, 7) +
		bunting(40, ['#8fc4f0', '#fbd37a', '#f28b82', '#8fd3a8']) +
		ellipse(800, 790, 720, 120, '#7fb3d9') +
		ellipse(800, 790, 600, 88, '#a8cde8', false) +
		Array.from({ length: 9 }, (_, i) => circle(240 + i * 140, 790, 26, ['#f28b82', '#fbd37a', '#8fd3a8'][i % 3], false)).join('') +
		rect(120, 170, 220, 300, 12, '#ffffff') +
		line('M160 490L120 650M300 490L340 650M230 470V630', O, 10) +
		line('M170 300Q230 200 290 300', '#f28b82', 12) + line('M186 300Q230 226 274 300', '#fbd37a', 12) + line('M202 300Q230 252 258 300', '#8fc4f0', 12) +
		circle(230, 400, 30, '#fbd37a') +
		rect(1220, 180, 280, 200, 14, '#ffffff') +
		path('M1250 350L1320 250L1380 320L1420 280L1470 350Z', '#8fd3a8') +
		circle(1440, 230, 24, '#f2b134') +
		rect(1290, 470, 170, 180, 16, '#e85d4a') +
		rect(1270, 440, 210, 40, 10, '#c94a3a') +
		rect(1190, 460, 70, 180, 10, '#f2b134'),
	'living-room': () =>
		rect(0, 0, 1600, 900, 0, '#e4efe0', false) +
		rect(0, 680, 1600, 220, 0, '#c9a77e', false) +
		line('M0 680H1600', O, 7) +
		windowFrame(640, 120, 320, 260, cloud(700, 200, 0.6) + circle(880, 190, 36, '#fbd37a', false)) +
		path('M600 100H680V420Q640 440 600 420Z', '#e98a7f') +
		path('M1000 100H920V420Q960 440 1000 420Z', '#e98a7f') +
		line('M580 100H1020', O, 10) +
		rect(120, 460, 420, 150, 40, '#6f9bd1') +
		rect(90, 420, 100, 230, 40, '#5d88bf') +
		rect(470, 420, 100, 230, 40, '#5d88bf') +
		rect(150, 380, 360, 120, 36, '#6f9bd1') +
		rect(200, 420, 90, 70, 16, '#fbd37a') +
		rect(1130, 160, 200, 150, 10, '#ffffff') +
		path('M1150 290L1200 220L1240 270L1270 240L1310 290Z', '#8fd3a8') +
		line('M1440 320V660', O, 8) +
		path('M1380 320H1500L1470 220H1410Z', '#fbd37a') +
		ellipse(1440, 670, 60, 14, '#8a5a2b') +
		rect(1190, 560, 90, 110, 14, '#b86b4b') +
		bumps([[1210, 520, 34], [1260, 510, 34], [1235, 470, 34]], 34, '#7cbf6a'),
	'bedroom-night': () =>
		rect(0, 0, 1600, 900, 0, '#3d4a7a', false) +
		rect(0, 690, 1600, 210, 0, '#5b5479', false) +
		line('M0 690H1600', O, 7) +
		rect(620, 110, 360, 300, 14, '#1f2f5c') +
		path('M880 170A50 50 0 1 0 910 260A40 40 0 1 1 880 170Z', '#fbe7a1') +
		[[690, 170], [760, 240], [700, 330], [820, 320], [930, 360]].map(([x, y]) => path(`M${x} ${y - 14}L${x + 5} ${y - 5}L${x + 14} ${y}L${x + 5} ${y + 5}L${x} ${y + 14}L${x - 5} ${y + 5}L${x - 14} ${y}L${x - 5} ${y - 5}Z`, '#fbe7a1', false)).join('') +
		line('M800 110V410M620 260H980', '#d9d4ea', 12) +
		rect(620, 110, 360, 300, 14, 'none') +
		rect(60, 520, 140, 220, 20, '#a67c52') +
		rect(100, 580, 460, 120, 20, '#8fb0e0') +
		rect(120, 540, 140, 60, 24, '#ffffff') +
		rect(260, 560, 300, 140, 20, '#b9a6e0') +
		rect(1300, 560, 180, 150, 12, '#a67c52') +
		circle(1390, 520, 40, '#fde9a8') +
		rect(1370, 540, 40, 24, 6, '#d9d4ea') +
		ellipse(1180, 795, 200, 50, '#7e74a8', false),
	playground: () =>
		sky('#cfe9f7') +
		cloud(200, 140) +
		cloud(1180, 110, 0.8) +
		circle(1460, 130, 60, '#fbd37a') +
		rect(-10, 300, 720, 300, 0, '#e9b89a') +
		rect(-20, 270, 740, 50, 10, '#c8735a') +
		path('M300 270L350 200L400 270Z', '#c8735a') +
		circle(350, 246, 16, '#fbd37a') +
		[40, 170, 480, 610].map((x) => rect(x, 360, 90, 80, 10, '#cfe9f7')).join('') +
		rect(280, 440, 70, 160, 8, '#3f9be0') +
		rect(350, 440, 70, 160, 8, '#3f9be0') +
		rect(270, 380, 160, 40, 10, '#fbd37a') +
		rect(0, 600, 1600, 300, 0, '#a8d98c', false) +
		line('M0 600H1600', O, 7) +
		Array.from({ length: 13 }, (_, i) => rect(760 + i * 64, 500, 30, 110, 8, '#f6ecd6')).join('') +
		line('M740 530H1600M740 580H1600', O, 8) +
		tree(1420, 390, 0.9) +
		ellipse(800, 800, 520, 70, '#c9c2b4', false) +
		[0, 1, 2, 3].map((i) => rect(600 + i * 100, 770, 90, 60, 6, 'none')).join(''),
	kitchen: () =>
		rect(0, 0, 1600, 900, 0, '#fbf3dc', false) +
		rect(0, 690, 1600, 210, 0, '#c9d7d3', false) +
		line('M0 690H1600', O, 7) +
		rect(60, 90, 560, 160, 12, '#8fc4a8') +
		line('M340 90V250', O, 7) +
		rect(60, 460, 560, 230, 12, '#8fc4a8') +
		line('M340 460V690', O, 7) +
		rect(40, 420, 600, 44, 8, '#e6d2b0') +
		windowFrame(700, 110, 300, 240, cloud(760, 200, 0.5)) +
		rect(1280, 170, 240, 520, 20, '#f7f9fc') +
		line('M1280 380H1520', O, 7) +
		rect(1320, 220, 80, 70, 6, '#fbd37a') +
		circle(1440, 460, 30, '#f28b82') +
		path('M180 420V370Q180 340 210 340H250Q280 340 280 370V420Z', '#e85d4a') +
		rect(1060, 560, 160, 130, 10, '#c68b4e') +
		ellipse(1140, 560, 110, 20, '#b07a44'),
	park: () =>
		sky('#d6eef9') +
		cloud(260, 130) +
		cloud(1100, 170, 0.7) +
		circle(1450, 140, 64, '#fbd37a') +
		path('M0 520Q400 380 800 500T1600 460V900H0Z', '#9fd38a') +
		path('M0 640Q600 560 1600 640V900H0Z', '#b6e09c') +
		line('M0 640Q600 560 1600 640', O, 7) +
		tree(200, 380) +
		tree(1380, 400, 0.85) +
		ellipse(1250, 560, 150, 34, '#9fd3f0') +
		rect(360, 560, 220, 24, 8, '#b07a44') +
		rect(360, 520, 220, 24, 8, '#b07a44') +
		line('M385 590V640M555 590V640', O, 10) +
		path('M640 900Q760 720 820 640H900Q880 720 960 900Z', '#efe2c4') +
		[[80, 760], [1500, 780], [1080, 820]].map(([x, y]) => circle(x, y, 14, '#f28b82') + circle(x + 30, y + 10, 14, '#fbd37a')).join(''),
	'school-hall': () =>
		rect(0, 0, 1600, 900, 0, '#f2e6f0', false) +
		rect(0, 680, 1600, 220, 0, '#d9b88c', false) +
		line('M0 680H1600', O, 7) +
		[0, 1, 2, 3, 4, 5].map((i) => line(`M0 ${720 + i * 34}H1600`, '#c7a27a', 4)).join('') +
		[200, 600, 1000, 1400].map((x) => windowFrame(x - 90, 120, 180, 280, cloud(x - 60, 220, 0.4))).join('') ,
};

// ---------- things (400 x 400) ----------
const tabletBody = (screen, colour = '#2e3550') =>
	rect(40, 70, 320, 260, 30, colour) + rect(68, 96, 264, 208, 10, '#ffffff', false) + screen + rect(68, 96, 264, 208, 10, 'none') + circle(345, 200, 6, '#9aa3b5', false);
const star = (cx, cy, R, fill, o = true) => {
	const pts = Array.from({ length: 10 }, (_, i) => {
		const a = (Math.PI / 5) * i - Math.PI / 2,
			rr = i % 2 ? R * 0.48 : R;
		return `${r1(cx + rr * Math.cos(a))} ${r1(cy + rr * Math.sin(a))}`;
	});
	return path(`M${pts.join('L')}Z`, fill, o);
};
const heartPath = (cx, cy, s) => `M${cx} ${r1(cy + 70 * s)}C${r1(cx - 120 * s)} ${r1(cy - 10 * s)} ${r1(cx - 60 * s)} ${r1(cy - 90 * s)} ${cx} ${r1(cy - 36 * s)}C${r1(cx + 60 * s)} ${r1(cy - 90 * s)} ${r1(cx + 120 * s)} ${r1(cy - 10 * s)} ${cx} ${r1(cy + 70 * s)}Z`;
const bubble = (x, y, w, h, fill, tailLeft = true) =>
	path(`M${x + 24} ${y}H${x + w - 24}Q${x + w} ${y} ${x + w} ${y + 24}V${y + h - 24}Q${x + w} ${y + h} ${x + w - 24} ${y + h}H${tailLeft ? x + 90 : x + w - 50}L${tailLeft ? x + 40 : x + w - 20} ${y + h + 40}L${tailLeft ? x + 56 : x + w - 90} ${y + h}H${x + 24}Q${x} ${y + h} ${x} ${y + h - 24}V${y + 24}Q${x} ${y} ${x + 24} ${y}Z`, fill);
const smallFace = (cx, cy, r, fill, mood) => circle(cx, cy, r, fill) + face(cx, cy, r, mood, { dog: true });
const playTri = (cx, cy, s, fill) => path(`M${cx - 18 * s} ${cy - 24 * s}L${cx + 26 * s} ${cy}L${cx - 18 * s} ${cy + 24 * s}Z`, fill);

const things = {
	'tablet-chat-kind': () => svg('0 0 400 400', tabletBody(rect(68, 96, 264, 208, 10, '#cfe9f7', false) + rect(68, 260, 264, 44, 0, '#8fd3a8', false) + smallFace(120, 224, 30, '#f2b134', 'happy') + rect(180, 112, 136, 180, 12, '#ffffff') + rect(194, 128, 96, 30, 10, '#fbd37a') + rect(196, 176, 108, 70, 12, '#fff2b8') + path(heartPath(250, 212, 0.3), '#f27d8c') + rect(194, 254, 108, 24, 8, '#eef1f6'))),
	'tablet-chat-unkind': () => svg('0 0 400 400', tabletBody(rect(68, 96, 264, 208, 10, '#cfe9f7', false) + rect(68, 260, 264, 44, 0, '#8fd3a8', false) + smallFace(120, 224, 30, '#f2b134', 'worried') + rect(180, 112, 136, 180, 12, '#ffffff') + rect(194, 128, 96, 30, 10, '#fbd37a') + rect(196, 176, 108, 70, 12, '#dfe2ea') + line('M210 222L226 196L242 222L258 196L274 222L290 200', '#6b7280', 8) + rect(194, 254, 108, 24, 8, '#eef1f6'))),
	'tablet-photo': () => svg('0 0 400 400', tabletBody(rect(68, 96, 264, 208, 10, '#cfe9f7', false) + rect(68, 250, 264, 54, 0, '#a8d98c', false) + path('M150 304Q150 240 200 240Q250 240 250 304Z', '#3fae6a', false) + circle(200, 196, 42, SKIN.fair) + path('M160 186Q160 150 200 148l6 -14l8 14Q240 152 240 186Q226 166 200 166Q174 166 160 186Z', '#d4622a') + face(200, 200, 40, 'happy', { dog: true }) + circle(300, 280, 16, '#ffffff'))),
	'block-tower': () => svg('0 0 400 400', [[130, 320, '#e85d4a'], [210, 320, '#3f9be0'], [170, 250, '#f2b134'], [150, 180, '#3fae6a'], [190, 110, '#8e5cc7'], [170, 40, '#f28b82']].map(([x, y, c]) => rect(x, y, 70, 64, 8, c)).join('')),
	puddle: () => svg('0 0 400 400', path('M30 318Q30 276 110 280Q170 260 240 272Q340 266 366 302Q378 344 290 348Q200 364 110 354Q30 352 30 318Z', '#8fc4f0') + ellipse(100, 300, 36, 9, '#cfe9f7', false) + line('M140 322Q210 340 280 322', '#5f9fd0', 6) + circle(210, 256, 58, '#e85d4a') + line('M156 244Q210 224 266 244', '#ffffff', 14) + circle(210, 256, 58, 'none') + path('M110 220q-10 -24 0 -34q10 10 0 34Z', '#8fc4f0') + path('M320 226q-10 -24 0 -34q10 10 0 34Z', '#8fc4f0')),
	tablet: () => svg('0 0 400 400', tabletBody(rect(68, 96, 264, 208, 10, '#cfe9f7', false) + [[120, 150, '#f28b82'], [200, 150, '#fbd37a'], [280, 150, '#8fd3a8'], [120, 240, '#8fc4f0'], [200, 240, '#c7a6e8'], [280, 240, '#f6b26b']].map(([x, y, c]) => rect(x - 28, y - 28, 56, 56, 14, c)).join(''))),
	'tablet-video': () => svg('0 0 400 400', tabletBody(rect(68, 96, 264, 208, 10, '#bfe3b0', false) + circle(150, 160, 30, '#fbd37a', false) + path('M68 270Q150 200 230 250T332 230V304H68Z', '#7cbf6a', false) + circle(200, 200, 44, '#ffffff') + playTri(204, 200, 1, '#e85d4a') + rect(90, 282, 220, 10, 5, '#ffffff', false) + rect(90, 282, 150, 10, 5, '#e85d4a', false))),
	'tablet-next-video': () => svg('0 0 400 400', tabletBody(rect(68, 96, 264, 208, 10, '#dfe9f5', false) + rect(90, 116, 140, 100, 10, '#bfe3b0') + playTri(164, 166, 0.8, '#e85d4a') + rect(250, 116, 62, 44, 8, '#fbd37a') + rect(250, 172, 62, 44, 8, '#c7a6e8') + rect(90, 234, 220, 50, 12, '#ffffff') + path('M140 246A18 18 0 1 1 124 272', 'none') + path('M118 262l10 12l10 -10Z', O, false) + rect(170, 252, 110, 14, 7, '#8fc4f0', false))),
	'tablet-game': () => svg('0 0 400 400', tabletBody(rect(68, 96, 264, 208, 10, '#cfe9f7', false) + rect(68, 260, 264, 44, 0, '#8fd3a8', false) + line('M68 260H332', O, 6) + smallFace(160, 200, 36, '#f2b134', 'happy') + star(270, 150, 26, '#fbd37a') + circle(240, 230, 14, '#f28b82'))),
	'tablet-game-chat': () => svg('0 0 400 400', tabletBody(rect(68, 96, 264, 208, 10, '#cfe9f7', false) + rect(68, 260, 264, 44, 0, '#8fd3a8', false) + smallFace(120, 224, 30, '#f2b134', 'happy') + rect(180, 112, 136, 180, 12, '#ffffff') + rect(194, 128, 96, 30, 10, '#fbd37a') + rect(210, 170, 92, 30, 10, '#8fc4f0') + rect(194, 212, 80, 30, 10, '#fbd37a') + rect(194, 254, 108, 24, 8, '#eef1f6'))),
	'tablet-worry': () => svg('0 0 400 400', tabletBody(rect(68, 96, 264, 208, 10, '#e6e8ee', false) + bumps([[150, 200, 44], [200, 170, 54], [256, 196, 44], [200, 224, 44]], 44, '#b3b9c6') + face(200, 200, 48, 'worried', { dog: true }))),
	'tablet-face-down': () => svg('0 0 400 400', g(rect(50, 140, 300, 170, 28, '#5d6785') + circle(92, 178, 12, '#2e3550') + ellipse(200, 225, 40, 30, '#7c86a3', false), 'rotate(-4 200 225)') + ellipse(200, 330, 170, 16, '#d5d9e3', false) + line('M120 90Q200 40 280 90', O, 7) + path('M272 70L290 96L260 100Z', O, false)),
	'tablet-buy': () => svg('0 0 400 400', tabletBody(rect(68, 96, 264, 208, 10, '#fdf1c9', false) + circle(150, 170, 30, '#f2c230') + circle(150, 170, 14, '#f7dc72', false) + circle(120, 210, 26, '#f2c230') + path('M250 130L280 160L250 210L220 160Z', '#8fc4f0') + rect(120, 240, 160, 48, 24, '#3fae6a') + circle(200, 264, 14, '#f2c230'))),
	'pop-up-prize': () => svg('0 0 400 400', tabletBody(rect(68, 96, 264, 208, 10, '#dfe9f5', false) + rect(96, 110, 208, 180, 16, '#ffffff') + rect(160, 160, 80, 66, 6, '#e85d4a') + rect(150, 140, 100, 26, 6, '#f28b82') + line('M200 140V226', '#fbd37a', 12) + star(124, 142, 16, '#fbd37a') + star(276, 150, 14, '#fbd37a') + rect(130, 240, 140, 36, 18, '#3fae6a') + circle(284, 126, 14, '#eef1f6') + line('M278 120l12 12M290 120l-12 12', O, 4))),
	'sleeping-tablet': () => svg('0 0 400 400', rect(40, 250, 320, 110, 26, '#c68b4e') + rect(60, 210, 280, 60, 16, '#8fc4f0') + rect(90, 150, 220, 120, 20, '#2e3550') + rect(108, 166, 184, 88, 8, '#3d4a7a', false) + path('M222 182A30 30 0 1 0 240 236A24 24 0 1 1 222 182Z', '#fbe7a1', false) + line('M40 290H360', O, 7)),
	padlock: () => svg('0 0 400 400', line('M130 190V130A70 70 0 0 1 270 130V190', O, 42) + line('M130 190V130A70 70 0 0 1 270 130V190', '#b8c1cf', 26) + rect(80, 180, 240, 180, 30, '#f2b134') + circle(200, 250, 22, O, false) + path('M188 256H212L218 310H182Z', O, false)),
	'name-badge': () => svg('0 0 400 400', line('M150 40L180 120M250 40L220 120', '#3f9be0', 14) + rect(70, 110, 260, 210, 26, '#ffffff') + rect(70, 110, 260, 56, 26, '#e85d4a') + rect(72, 140, 256, 28, 0, '#e85d4a', false) + circle(140, 240, 42, '#f3cdb2') + face(140, 240, 42, 'happy', { dog: true }) + line('M210 220H290M210 262H270', '#9aa3b5', 14)),
	'photo-of-me': () => svg('0 0 400 400', rect(60, 50, 280, 300, 18, '#ffffff') + rect(88, 78, 224, 200, 8, '#cfe9f7') + rect(90, 230, 220, 46, 0, '#a8d98c', false) + path('M140 278Q140 220 200 220Q260 220 260 278Z', '#3f9be0') + circle(200, 170, 46, SKIN.deep) + bumps(arcPts(200, 166, 40, 190, 350, 6), 16, '#1c1512') + face(200, 172, 42, 'happy', { dog: true }) + line('M120 314H280', '#d5d9e3', 10)),
	house: () => svg('0 0 400 400', path('M50 190L200 60L350 190Z', '#e85d4a') + rect(80, 180, 240, 180, 6, '#fbd37a') + rect(170, 250, 60, 110, 8, '#3f9be0') + circle(218, 306, 5, O, false) + rect(100, 210, 50, 50, 6, '#cfe9f7') + rect(250, 210, 50, 50, 6, '#cfe9f7') + rect(176, 210, 48, 22, 6, '#ffffff') + rect(250, 80, 36, 60, 4, '#c8735a')),
	camera: () => svg('0 0 400 400', rect(60, 120, 280, 200, 30, '#5d6785') + rect(140, 86, 120, 50, 14, '#5d6785') + circle(200, 220, 66, '#2e3550') + circle(200, 220, 40, '#8fc4f0') + circle(186, 206, 10, '#ffffff', false) + rect(270, 146, 44, 24, 8, '#fbd37a')),
	bed: () => svg('0 0 400 400', rect(40, 120, 44, 240, 14, '#a67c52') + rect(316, 200, 44, 160, 14, '#a67c52') + rect(60, 230, 290, 90, 16, '#8fb0e0') + rect(84, 190, 96, 54, 22, '#ffffff') + rect(170, 220, 180, 100, 16, '#b9a6e0')),
	moon: () => svg('0 0 400 400', path('M250 60A150 150 0 1 0 320 290A120 120 0 1 1 250 60Z', '#fbe7a1') + star(300, 110, 24, '#fbe7a1') + star(330, 200, 14, '#fbe7a1')),
	ball: () => svg('0 0 400 400', circle(200, 200, 150, '#e85d4a') + path('M62 170Q200 120 338 170', 'none') + path('M70 250Q200 300 330 250', 'none') + line('M62 170Q200 120 338 170', '#ffffff', 26) + line('M70 250Q200 300 330 250', '#fbd37a', 26) + circle(200, 200, 150, 'none')),
	book: () => svg('0 0 400 400', path('M200 110Q130 70 50 90V320Q130 300 200 340Z', '#ffffff') + path('M200 110Q270 70 350 90V320Q270 300 200 340Z', '#ffffff') + path('M40 110V340Q130 320 200 360Q270 320 360 340V110', 'none') + line('M90 150Q140 140 170 160M90 200Q140 190 170 210M230 160Q270 140 310 150', '#9aa3b5', 10) + circle(270, 230, 30, '#fbd37a')),
	heart: () => svg('0 0 400 400', path(heartPath(200, 200, 1.6), '#f27d8c')),
	'speech-kind': () => svg('0 0 400 400', bubble(40, 60, 320, 220, '#fff6d6') + path(heartPath(200, 176, 0.85), '#f27d8c') + star(100, 110, 16, '#fbd37a', false) + star(300, 230, 14, '#fbd37a', false)),
	'speech-unkind': () => svg('0 0 400 400', bubble(40, 60, 320, 220, '#dfe2ea') + line('M100 170L130 130L160 200L190 130L220 200L250 130L280 200L300 160', '#6b7280', 14)),
	chat: () => svg('0 0 400 400', bubble(30, 40, 230, 150, '#bfe3f7') + bubble(140, 180, 230, 140, '#fff2b8', false) + line('M80 100H210M80 140H170', '#ffffff', 14) + line('M190 236H320M190 274H280', '#ffffff', 14)),
	'hand-up': () => svg('0 0 400 400', path('M130 360V220Q100 200 92 150Q96 130 116 138L138 180V80Q138 60 158 60Q176 60 176 80V60Q176 38 198 38Q220 38 220 60V70Q220 50 242 50Q262 50 262 72V96Q262 76 282 78Q302 80 302 100V260Q302 320 270 360Z', '#c98d5e') + line('M176 80V170M220 70V170M262 96V176', O, 5)),
	ear: () => svg('0 0 400 400', path('M150 330Q110 340 100 300Q96 260 120 230Q100 200 110 140Q130 60 210 60Q300 64 306 150Q310 210 260 250Q230 280 230 310Q228 360 180 360Q160 360 150 330Z', '#e8b48c') + line('M160 230Q140 180 170 140Q210 110 240 140Q262 170 236 200Q214 220 210 250', O, 7) + line('M330 130Q360 180 330 240M360 110Q400 180 360 260', '#3f9be0', 10)),
	star: () => svg('0 0 400 400', star(200, 210, 170, '#fbd37a')),
	tick: () => svg('0 0 400 400', circle(200, 200, 160, '#8fd3a8') + line('M120 205L180 265L285 140', O, 44) + line('M120 205L180 265L285 140', '#ffffff', 26)),
	question: () => svg('0 0 400 400', circle(200, 200, 160, '#c7a6e8') + line('M150 150Q150 90 205 90Q258 92 258 145Q258 180 220 195Q200 205 200 235V245', O, 48) + line('M150 150Q150 90 205 90Q258 92 258 145Q258 180 220 195Q200 205 200 235V245', '#ffffff', 30) + circle(200, 300, 22, '#ffffff')),
	clock: () => svg('0 0 400 400', circle(200, 210, 160, '#ffffff') + circle(200, 210, 140, '#cfe9f7', false) + [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((i) => circle(200 + 120 * Math.cos((i * Math.PI) / 6), 210 + 120 * Math.sin((i * Math.PI) / 6), 8, O, false)).join('') + line('M200 210V120M200 210L260 250', O, 12) + circle(200, 210, 12, '#e85d4a')),
	'toy-box': () => svg('0 0 400 400', circle(130, 150, 50, '#e85d4a') + rect(200, 90, 80, 80, 10, '#3f9be0') + star(290, 140, 40, '#fbd37a') + rect(50, 170, 300, 190, 18, '#3fae6a') + rect(40, 160, 320, 50, 14, '#2f8a53') + circle(120, 280, 24, '#fbd37a', false) + circle(200, 280, 24, '#f28b82', false) + circle(280, 280, 24, '#8fc4f0', false)),
	drawing: () => svg('0 0 400 400', rect(50, 40, 300, 320, 10, '#ffffff') + circle(270, 110, 36, '#fbd37a') + path('M90 300V220L150 170L210 220V300Z', '#f28b82') + rect(135, 250, 30, 50, 4, '#3f9be0') + path('M50 300Q200 280 350 300V360H50Z', '#a8d98c', false) + line('M230 330Q250 314 270 330T310 330', '#8e5cc7', 7) + rect(50, 40, 300, 320, 10, 'none')),
	pencil: () => svg('0 0 400 400', g(rect(60, 170, 220, 60, 8, '#f2b134') + path('M280 170L350 200L280 230Z', '#f3cdb2') + path('M330 191L350 200L330 209Z', O, false) + rect(30, 170, 40, 60, 10, '#f28b82') + line('M70 190H280M70 210H280', '#d99a20', 5), 'rotate(-35 200 200)')),
	mirror: () => svg('0 0 400 400', rect(180, 300, 40, 80, 10, '#a67c52') + ellipse(200, 180, 130, 150, '#c68b4e') + ellipse(200, 180, 100, 120, '#dff1fb') + line('M150 120Q170 90 200 84M140 160Q150 140 160 130', '#ffffff', 12)),
	magnifier: () => svg('0 0 400 400', line('M255 255L345 345', O, 56) + line('M255 255L345 345', '#a67c52', 38) + circle(170, 170, 110, '#dff1fb') + circle(170, 170, 110, 'none') + line('M120 130Q140 100 170 96', '#ffffff', 14)),
	footprints: () => svg('0 0 400 400', [[120, 290, -10], [230, 200, 10], [140, 110, -10]].map(([x, y, a]) => g(ellipse(0, 0, 36, 56, '#8fc4f0') + [[-26, -64, 10], [-8, -72, 11], [12, -70, 10], [28, -60, 9]].map(([tx, ty, tr]) => circle(tx, ty, tr, '#8fc4f0')).join(''), `translate(${x} ${y}) rotate(${a})`)).join('')),
	internet: () => svg('0 0 400 400', circle(200, 200, 150, '#8fc4f0') + path('M120 120Q160 90 190 130Q210 170 170 190Q130 210 110 170Z', '#8fd3a8') + path('M230 220Q280 200 300 240Q300 300 250 310Q220 280 230 220Z', '#8fd3a8') + circle(200, 200, 150, 'none') + [[60, 60], [340, 70], [350, 330], [50, 330]].map(([x, y]) => line(`M${x} ${y}L${200 + (x - 200) * 0.6} ${200 + (y - 200) * 0.6}`, O, 6) + circle(x, y, 22, '#fbd37a')).join('')),
	'tell-button': () => svg('0 0 400 400', rect(30, 100, 340, 200, 40, '#8a3b12') + circle(200, 200, 76, '#ffffff') + circle(175, 170, 22, SKIN.brown, false) + path('M145 250Q145 200 175 200Q205 200 205 250Z', '#3f9be0', false) + circle(228, 196, 16, SKIN.fair, false) + path('M206 254Q206 218 228 218Q250 218 250 254Z', '#f28b82', false)),
	'grown-ups': () => svg('0 0 400 400', circle(130, 120, 46, SKIN.warm) + path('M60 360Q60 190 130 190Q200 190 200 360Z', '#2f9e8f') + face(130, 120, 46, 'happy', { dog: true }) + circle(270, 130, 46, SKIN.deep) + bumps(arcPts(270, 124, 40, 190, 350, 6), 16, '#c9ccd3') + face(270, 130, 46, 'happy', { dog: true }) + path('M200 360Q200 200 270 200Q340 200 340 360Z', '#b0557f')),
	'sun-and-moon': () => svg('0 0 400 400', circle(130, 150, 70, '#fbd37a') + [0, 1, 2, 3, 4, 5, 6, 7].map((i) => line(`M${r1(130 + 92 * Math.cos((i * Math.PI) / 4))} ${r1(150 + 92 * Math.sin((i * Math.PI) / 4))}L${r1(130 + 116 * Math.cos((i * Math.PI) / 4))} ${r1(150 + 116 * Math.sin((i * Math.PI) / 4))}`, '#f2b134', 12)).join('') + path('M290 210A80 80 0 1 0 330 340A64 64 0 1 1 290 210Z', '#c7a6e8')),
	'hug-heart': () => svg('0 0 400 400', path(heartPath(200, 210, 1.55), '#f27d8c') + circle(150, 190, 40, SKIN.light) + circle(250, 190, 40, SKIN.fair) + face(150, 190, 40, 'happy', { dog: true }) + face(250, 190, 40, 'happy', { dog: true })),
};

// ---------- things for the games (src/lib/games/) ----------
const catHead = (cx, cy, r, fill) => path(`M${cx - r} ${cy - r * 0.2}L${cx - r * 0.8} ${cy - r * 1.25}L${cx - r * 0.25} ${cy - r * 0.85}Q${cx} ${cy - r * 0.95} ${cx + r * 0.25} ${cy - r * 0.85}L${cx + r * 0.8} ${cy - r * 1.25}L${cx + r} ${cy - r * 0.2}Q${cx + r} ${cy + r * 0.9} ${cx} ${cy + r * 0.9}Q${cx - r} ${cy + r * 0.9} ${cx - r} ${cy - r * 0.2}Z`, fill);
Object.assign(things, {
	basket: () => svg('0 0 400 400', line('M90 190Q200 20 310 190', O, 30) + line('M90 190Q200 20 310 190', '#c68b4e', 16) + path('M50 180H350L315 350Q310 364 296 364H104Q90 364 85 350Z', '#e0a96d') + line('M70 240H330M80 300H320', '#a86f3c', 8) + line('M150 190V360M250 190V360', '#a86f3c', 8) + rect(40, 170, 320, 34, 16, '#c68b4e')),
	'secret-box': () => svg('0 0 400 400', rect(60, 170, 280, 190, 20, '#3f9be0') + rect(50, 130, 300, 60, 16, '#2f7fc0') + line('M130 140V104A70 70 0 0 1 270 104V140', O, 36) + line('M130 140V104A70 70 0 0 1 270 104V140', '#b8c1cf', 22) + rect(150, 210, 100, 90, 16, '#f2b134') + circle(200, 244, 14, O, false) + path('M192 248H208L212 282H188Z', O, false)),
	'paint-palette': () => svg('0 0 400 400', path('M200 50Q350 50 360 180Q366 260 290 260Q250 260 256 300Q262 350 200 350Q50 350 44 200Q40 50 200 50Z', '#f5e1c0') + circle(130, 150, 30, '#e85d4a') + circle(210, 110, 30, '#fbd37a') + circle(290, 150, 30, '#3fae6a') + circle(120, 240, 30, '#3f9be0') + circle(190, 280, 26, '#8e5cc7', false) + ellipse(300, 205, 26, 18, '#ffffff')),
	key: () => svg('0 0 400 400', circle(120, 200, 80, '#f2b134') + circle(120, 200, 30, '#ffffff') + rect(190, 176, 170, 48, 10, '#f2b134') + rect(290, 216, 28, 56, 6, '#f2b134') + rect(330, 216, 28, 40, 6, '#f2b134') + [250, 290, 330].map((x) => star(x - 60, 120, 16, '#8e5cc7', false)).join('')),
	jumper: () => svg('0 0 400 400', path('M140 60L70 90L20 200L80 230L110 170V360H290V170L320 230L380 200L330 90L260 60Q200 110 140 60Z', '#c0392b') + path('M140 60Q200 120 260 60', 'none') + path('M230 170H290V230Q260 252 230 230Z', '#fbd37a') + star(260, 198, 16, '#3f9be0', false) + line('M110 330H290', '#a93226', 10)),
	'birthday-cake': () => svg('0 0 400 400', rect(70, 200, 260, 150, 20, '#f7c6d0') + path('M70 240Q105 270 135 240Q168 270 200 240Q232 270 265 240Q298 270 330 240V220Q330 200 310 200H90Q70 200 70 220Z', '#ffffff') + [140, 200, 260].map((x) => rect(x - 10, 120, 20, 80, 6, '#8fc4f0') + path(`M${x} 70Q${x + 18} 96 ${x} 110Q${x - 18} 96 ${x} 70Z`, '#f2b134')).join('') + ellipse(200, 356, 160, 14, '#d5d9e3', false)),
	'pet-photo': () => svg('0 0 400 400', rect(60, 50, 280, 300, 18, '#ffffff') + rect(88, 78, 224, 200, 8, '#fdf1c9') + catHead(200, 190, 70, '#f6b26b') + face(200, 196, 62, 'happy', { dog: true }) + line('M120 314H280', '#d5d9e3', 10)),
	// A snowy owl in a photo frame, for research lessons.
	'owl-photo': () => svg('0 0 400 400', rect(40, 60, 320, 280, 18, '#ffffff') + rect(64, 84, 272, 200, 8, '#cfe3c9') + rect(64, 244, 272, 40, 0, '#9a6a3e', false) + ellipse(200, 190, 70, 84, '#f7f9fc') + path('M140 130L156 96L176 120Z', '#f7f9fc') + path('M260 130L244 96L224 120Z', '#f7f9fc') + circle(172, 160, 22, '#fbd37a') + circle(228, 160, 22, '#fbd37a') + circle(172, 160, 9, O, false) + circle(228, 160, 9, O, false) + path('M192 186L208 186L200 202Z', '#f2b134') + line('M170 230l10 8l10 -8M210 230l10 8l10 -8', '#9aa3b5', 5) + line('M90 314H310', '#d5d9e3', 10)),
	'whale-photo': () => svg('0 0 400 400', rect(40, 60, 320, 280, 18, '#ffffff') + rect(64, 84, 272, 200, 8, '#8fc4f0') + path('M64 230Q200 210 336 230V284H64Z', '#3f7fc0', false) + path('M90 200Q100 140 190 140Q270 140 290 190L330 160L320 220L290 210Q260 250 180 250Q100 250 90 200Z', '#5d6785') + circle(140, 186, 8, O, false) + line('M190 126Q186 100 170 96M190 126Q196 100 212 96', '#ffffff', 7) + line('M90 314H310', '#d5d9e3', 10)),
	'talking-cat': () => svg('0 0 400 400', bubble(200, 30, 170, 110, '#ffffff', false) + circle(250, 86, 10, O, false) + circle(285, 86, 10, O, false) + circle(320, 86, 10, O, false) + ellipse(150, 310, 100, 70, '#8e8e9e') + catHead(150, 200, 80, '#8e8e9e') + face(150, 208, 70, 'happy', { dog: true })),
	dinosaur: () => svg('0 0 400 400', path('M40 360L90 350L90 330Z', '#3fae6a') + path('M60 340Q120 260 170 240Q190 140 240 100Q300 70 340 110Q360 140 330 160L270 170Q260 230 280 280Q300 330 260 350L240 360V330H190V360H150V330Q110 340 60 340Z', '#3fae6a') + circle(300, 118, 10, O, false) + line('M280 146Q300 156 320 146', O, 6) + [[190, 180], [210, 150], [170, 215]].map(([x, y]) => path(`M${x} ${y}l-28 -8l12 26Z`, '#f2b134')).join('')),
	// A box that wants a tap: a big bright "yes" button with sparkles, a tiny grey close cross.
	'tablet-pop-up-yes': () => svg('0 0 400 400', tabletBody(rect(68, 96, 264, 208, 10, '#c9cfdc', false) + rect(96, 112, 208, 176, 16, '#ffffff') + rect(120, 180, 160, 64, 32, '#3fae6a') + line('M170 212L192 232L232 192', '#ffffff', 14) + star(116, 150, 18, '#fbd37a') + star(286, 160, 14, '#fbd37a') + star(140, 266, 12, '#fbd37a') + rect(140, 130, 110, 20, 10, '#f28b82', false) + circle(286, 126, 10, '#eef1f6') + line('M282 122l8 8M290 122l-8 8', '#9aa3b5', 3))),
	// Signing in: a padlock above a box of hidden dots, and a row of keys.
	'tablet-password': () => svg('0 0 400 400', tabletBody(rect(68, 96, 264, 208, 10, '#dfe9f5', false) + line('M180 150V130A20 20 0 0 1 220 130V150', O, 12) + rect(166, 144, 68, 50, 10, '#f2b134') + rect(110, 208, 180, 40, 12, '#ffffff') + [150, 183, 217, 250].map((x) => circle(x, 228, 9, O, false)).join('') + [110, 156, 202, 248].map((x) => rect(x, 260, 38, 30, 6, '#eef1f6')).join(''))),
	// Logging out: a door standing open with an arrow going out through it.
	'tablet-log-out': () => svg('0 0 400 400', tabletBody(rect(68, 96, 264, 208, 10, '#dfe9f5', false) + rect(130, 120, 100, 160, 8, '#ffffff') + path('M130 120L190 136V296L130 280Z', '#c68b4e') + circle(178, 214, 6, O, false) + line('M200 200H300', '#3fae6a', 16) + path('M290 176L320 200L290 224Z', '#3fae6a'))),
	// A chat message asking for a photo: a bubble with a little camera and a question mark.
	'tablet-message-photo': () => svg('0 0 400 400', tabletBody(rect(68, 96, 264, 208, 10, '#cfe9f7', false) + rect(68, 260, 264, 44, 0, '#8fd3a8', false) + smallFace(120, 224, 30, '#f2b134', 'thinking') + rect(180, 112, 136, 180, 12, '#ffffff') + rect(194, 128, 96, 30, 10, '#fbd37a') + rect(194, 172, 110, 70, 12, '#e9dcf7') + rect(210, 190, 50, 36, 8, '#5d6785') + circle(235, 208, 11, '#8fc4f0') + line('M278 196q0 -12 10 -12q10 0 10 10q0 8 -10 10v6', O, 6) + circle(288, 230, 4, O, false) + rect(194, 254, 108, 24, 8, '#eef1f6'))),
	// A child's drawing with a name strip along the bottom and a star sticker.
	'drawing-with-name': () => svg('0 0 400 400', rect(50, 40, 300, 320, 10, '#ffffff') + path('M80 240Q140 200 200 240Q260 200 320 240V290H80Z', '#8fc4f0') + circle(120, 110, 34, '#fbd37a') + path('M170 226Q230 150 290 226Z', '#3fae6a') + rect(80, 300, 170, 40, 10, '#fff2b8') + line('M100 320H230', '#8e5cc7', 10) + star(300, 320, 26, '#f28b82')),
	'close-x': () => svg('0 0 400 400', circle(200, 200, 160, '#eef1f6') + line('M130 130L270 270M270 130L130 270', O, 52) + line('M130 130L270 270M270 130L130 270', '#e85d4a', 30))
});

// ---------- write everything ----------
function write(rel, text) {
	const file = join(here, rel);
	mkdirSync(dirname(file), { recursive: true });
	writeFileSync(file, text);
}
const moods = ['happy', 'sad', 'worried', 'thinking'];
for (const who of Object.keys(people)) for (const m of moods) write(`people/${who}-${m}.svg`, person(who, m));
for (const m of moods) write(`people/biscuit-${m}.svg`, biscuit(m));
for (const [name, draw] of Object.entries(places)) write(`places/${name}.svg`, svg('0 0 1600 900', draw()));
for (const [name, draw] of Object.entries(things)) write(`things/${name}.svg`, draw());
