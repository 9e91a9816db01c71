/**
 * The synthetic corpus of `npm run bench`, shaped like the seed story: per story a zh.mdx of
 * about 3,000 Chinese characters and an en.mdx of about 1,500 English words, each with
 * <LeadLines>, three `##` sections, a GFM table, a list in <KeyFigures>, a hero and one or two
 * <Photo>s drawn from a pool of 20 photos at 3000x2000. 5 sections, 40 tags, 30 people,
 * `published` spread over the two years before the benchmark's "now".
 *
 * Photo ids are site-wide, so the 20 photos live in the photos/ folders of the first few
 * ("owner") stories and every other story shows them by id, as the content contract allows.
 */
import { copyFileSync, existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { countChars, countWords, enHeading, enParagraph, enSentence, int, makeRng, pick, type Rng, zhHeading, zhParagraph, zhSentence } from './text.ts';

export const POOL_SIZE = 20;
export const PHOTO_WIDTH = 3000;
export const PHOTO_HEIGHT = 2000;
/** Stories whose photos/ folders hold the pool. */
export const PHOTO_OWNERS = 5;
export const ZH_TARGET_CHARS = 3000;
export const EN_TARGET_WORDS = 1500;
/** Bump when the image generator changes, so a stale cached pool is not reused. */
const POOL_VERSION = 'v2';

export const photoId = (index: number) => `bench-photo-${String(index + 1).padStart(2, '0')}`;
export const storyId = (index: number) => `bench-story-${String(index + 1).padStart(4, '0')}`;

export const SECTIONS: readonly { id: string; zh: string; en: string }[] = [
  { id: 'economy', zh: '经济', en: 'Economy' },
  { id: 'society', zh: '社会', en: 'Society' },
  { id: 'culture', zh: '文化', en: 'Culture' },
  { id: 'technology', zh: '科技', en: 'Technology' },
  { id: 'environment', zh: '环境', en: 'Environment' },
];

export const TAGS: readonly [zh: string, en: string][] = [
  ['制造业', 'manufacturing'], ['产业链', 'industrial chains'], ['专业镇', 'specialised towns'], ['晋中', 'Jinzhong'],
  ['绿色低碳', 'low carbon'], ['智能制造', 'smart manufacturing'], ['乡村振兴', 'rural revival'], ['教育', 'education'],
  ['医疗', 'health care'], ['交通', 'transport'], ['能源', 'energy'], ['农业', 'agriculture'],
  ['旅游', 'tourism'], ['文化遗产', 'cultural heritage'], ['科技创新', 'innovation'], ['就业', 'jobs'],
  ['住房', 'housing'], ['水资源', 'water'], ['生态保护', 'conservation'], ['城市更新', 'urban renewal'],
  ['数字经济', 'digital economy'], ['新能源汽车', 'electric vehicles'], ['纺织', 'textiles'], ['钢铁', 'steel'],
  ['玻璃', 'glass'], ['食品', 'food'], ['物流', 'logistics'], ['外贸', 'trade'],
  ['中小企业', 'small business'], ['人才', 'talent'], ['养老', 'elder care'], ['体育', 'sport'],
  ['非遗', 'intangible heritage'], ['铁路', 'railways'], ['煤炭', 'coal'], ['光伏', 'solar power'],
  ['氢能', 'hydrogen'], ['职业教育', 'vocational training'], ['社区', 'communities'], ['考古', 'archaeology'],
];

const SURNAMES: readonly [string, string][] = [
  ['王', 'Wang'], ['李', 'Li'], ['张', 'Zhang'], ['刘', 'Liu'], ['陈', 'Chen'],
  ['杨', 'Yang'], ['赵', 'Zhao'], ['黄', 'Huang'], ['周', 'Zhou'], ['吴', 'Wu'],
];
const GIVEN: readonly [string, string][] = [
  ['伟', 'Wei'], ['芳', 'Fang'], ['娜', 'Na'], ['敏', 'Min'], ['静', 'Jing'], ['丽', 'Li'], ['强', 'Qiang'], ['磊', 'Lei'],
  ['军', 'Jun'], ['洋', 'Yang'], ['勇', 'Yong'], ['艳', 'Yan'], ['杰', 'Jie'], ['涛', 'Tao'], ['明', 'Ming'],
];

/** 30 people: (i mod 10, i mod 15) is a distinct pair for i < 30, so ids never collide. */
export const PEOPLE = Array.from({ length: 30 }, (_, i) => {
  const [zhSurname, enSurname] = SURNAMES[i % SURNAMES.length]!;
  const [zhGiven, enGiven] = GIVEN[i % GIVEN.length]!;
  return { id: `${enSurname}-${enGiven}`.toLowerCase(), zh: `${zhSurname}${zhGiven}`, en: `${enGiven} ${enSurname}` };
});

const yamlString = (text: string) => JSON.stringify(text);
const yamlList = (items: string[]) => `[${items.map(yamlString).join(', ')}]`;

/** An instant written in newsroom time, e.g. 2025-03-04T09:30:00+08:00. */
export function toShanghaiIso(ms: number): string {
  return `${new Date(ms + 8 * 3600_000).toISOString().slice(0, 19)}+08:00`;
}

interface Lattice {
  cell: number;
  cols: number;
  values: Float32Array;
  amp: number;
}

/** Random values on a grid of `cell`-pixel squares: one octave of value noise. */
function lattice(rng: Rng, cell: number, amp: number): Lattice {
  const cols = Math.ceil(PHOTO_WIDTH / cell) + 2;
  const rows = Math.ceil(PHOTO_HEIGHT / cell) + 2;
  const values = new Float32Array(cols * rows);
  for (let i = 0; i < values.length; i++) values[i] = rng() * 2 - 1;
  return { cell, cols, values, amp };
}

/** Smoothly interpolated value of an octave at (x, y), in -1..1. */
function noiseAt(l: Lattice, x: number, y: number): number {
  const fx = x / l.cell;
  const fy = y / l.cell;
  const ix = Math.floor(fx);
  const iy = Math.floor(fy);
  const tx = (fx - ix) * (fx - ix) * (3 - 2 * (fx - ix));
  const ty = (fy - iy) * (fy - iy) * (3 - 2 * (fy - iy));
  const i = iy * l.cols + ix;
  const a = l.values[i]!;
  const b = l.values[i + 1]!;
  const c = l.values[i + l.cols]!;
  const d = l.values[i + l.cols + 1]!;
  return a + (b - a) * tx + (c - a) * ty + (a - b - c + d) * tx * ty;
}

/**
 * A 3000x2000 JPEG that costs what a photo costs to encode. A smooth gradient alone would not:
 * AVIF flattens it to a few kB in a fraction of the time, and the benchmark would under-state
 * the image pipeline. So: fractal value noise (detail from 500 px down to 4 px) in light and
 * colour, which gives AVIF and WebP sizes close to a real 3000x2000 news photo's.
 */
async function makePoolPhoto(index: number, file: string): Promise<void> {
  const rng = makeRng(1000 + index);
  const octaves = [[500, 60], [160, 40], [48, 28], [14, 18], [4, 12]].map(([cell, amp]) => lattice(rng, cell!, amp!));
  const chroma = [0, 1, 2].map(() => lattice(rng, 700, 40));
  const base = [int(rng, 60, 190), int(rng, 60, 190), int(rng, 60, 190)];
  const pixels = Buffer.alloc(PHOTO_WIDTH * PHOTO_HEIGHT * 3);
  for (let y = 0; y < PHOTO_HEIGHT; y++) {
    for (let x = 0; x < PHOTO_WIDTH; x++) {
      let light = 0;
      for (const octave of octaves) light += octave.amp * noiseAt(octave, x, y);
      const offset = (y * PHOTO_WIDTH + x) * 3;
      for (let c = 0; c < 3; c++) {
        const value = base[c]! + light + chroma[c]!.amp * noiseAt(chroma[c]!, x, y);
        pixels[offset + c] = value < 0 ? 0 : value > 255 ? 255 : value;
      }
    }
  }
  const partial = `${file}.partial`;
  await sharp(pixels, { raw: { width: PHOTO_WIDTH, height: PHOTO_HEIGHT, channels: 3 } }).jpeg({ quality: 85 }).toFile(partial);
  renameSync(partial, file);
}

/** The pool of 20 photos, made once and reused by every run (it takes a few seconds). */
export async function ensurePhotoPool(cacheRoot: string, log: (line: string) => void): Promise<string> {
  const dir = join(cacheRoot, POOL_VERSION);
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < POOL_SIZE; i++) {
    const file = join(dir, `${photoId(i)}.jpg`);
    if (existsSync(file)) continue;
    if (i === 0) log(`making the photo pool in ${dir} (once, a few seconds)`);
    await makePoolPhoto(i, file);
  }
  return dir;
}

function table(rng: Rng, locale: 'zh' | 'en'): string {
  const header = locale === 'zh' ? ['指标', '2023年', '2024年', '增长'] : ['Measure', '2023', '2024', 'Change'];
  const rows = Array.from({ length: 5 }, () => {
    const before = int(rng, 10, 900);
    const after = Math.round(before * (0.9 + rng() * 0.4));
    const label = locale === 'zh' ? zhHeading(rng).split(' ')[0]! : enHeading(rng, 2, 4);
    return [label, String(before), String(after), `${(((after - before) / before) * 100).toFixed(1)}%`];
  });
  return [header, ['---', '---:', '---:', '---:'], ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

interface Shape {
  hero: string;
  bodyPhotos: string[];
  published: string;
  authors: string[];
  section: string;
  tagIndexes: number[];
}

/** One language file: frontmatter, then the body, filled with paragraphs to the target length. */
function storyFile(rng: Rng, locale: 'zh' | 'en', shape: Shape): string {
  const zh = locale === 'zh';
  const paragraph = () => (zh ? zhParagraph(rng) : enParagraph(rng));
  const size = (text: string) => (zh ? countChars(text) : countWords(text));
  const target = zh ? ZH_TARGET_CHARS : EN_TARGET_WORDS;
  const lead = Array.from({ length: 3 }, () => (zh ? zhSentence(rng).replace(/。$/, '；') : enSentence(rng)));
  const sections = Array.from({ length: 3 }, () => ({ heading: zh ? zhHeading(rng) : enHeading(rng), paragraphs: [paragraph()] }));
  const intro = paragraph();
  const figures = Array.from({ length: 3 }, () => `- ${zh ? zhSentence(rng).replace(/。$/, '；') : enSentence(rng)}`);
  const tableText = table(rng, locale);
  const fixed = [...lead, intro, ...sections.map((s) => s.heading + s.paragraphs[0]), ...figures, tableText].map(size).reduce((a, b) => a + b, 0);
  let total = fixed;
  for (let i = 0; total < target; i++) {
    const text = paragraph();
    sections[i % 3]!.paragraphs.push(text);
    total += size(text);
  }
  const [first, second, third] = sections as [typeof sections[0], typeof sections[0], typeof sections[0]];
  const half = (list: string[]) => Math.ceil(list.length / 2);
  const body = [
    `<LeadLines>\n${lead.join('\n\n')}\n</LeadLines>`,
    intro,
    `## ${first.heading}`,
    ...first.paragraphs.slice(0, half(first.paragraphs)),
    `<Photo id="${shape.bodyPhotos[0]}" />`,
    ...first.paragraphs.slice(half(first.paragraphs)),
    `## ${second.heading}`,
    ...second.paragraphs.slice(0, half(second.paragraphs)),
    tableText,
    ...second.paragraphs.slice(half(second.paragraphs)),
    `## ${third.heading}`,
    ...third.paragraphs.slice(0, half(third.paragraphs)),
    `<KeyFigures>\n${figures.join('\n')}\n</KeyFigures>`,
    ...(shape.bodyPhotos[1] ? [`<Photo id="${shape.bodyPhotos[1]}" />`] : []),
    ...third.paragraphs.slice(half(third.paragraphs)),
  ];
  const title = zh ? zhHeading(rng) : enHeading(rng, 5, 10);
  const summary = zh ? `${zhHeading(rng).replace(' ', '，')}，${zhHeading(rng).replace(' ', '，')}。` : enSentence(rng);
  const frontmatter = [
    '---',
    `title: ${yamlString(title)}`,
    `summary: ${yamlString(summary)}`,
    `published: ${shape.published}`,
    `authors: ${yamlList(shape.authors)}`,
    `section: ${shape.section}`,
    `tags: ${yamlList(shape.tagIndexes.map((i) => TAGS[i]![zh ? 0 : 1]))}`,
    `hero: ${shape.hero}`,
    '---',
  ];
  return `${frontmatter.join('\n')}\n\n${body.join('\n\n')}\n`;
}

export interface CorpusInfo {
  storyIds: string[];
  photoIds: string[];
  /** The file the warm-rebuild step edits. */
  editTarget: string;
}

/**
 * Writes content/{stories,people,sections} for `count` stories into `contentDir`, copying the
 * pool photos into the owner stories. Stories are numbered newest first over two years before `now`.
 */
export function writeCorpus(contentDir: string, count: number, poolDir: string, now: Date, seed = 7): CorpusInfo {
  const rng = makeRng(seed);
  mkdirSync(join(contentDir, 'people'), { recursive: true });
  mkdirSync(join(contentDir, 'sections'), { recursive: true });
  for (const person of PEOPLE) {
    writeFileSync(join(contentDir, 'people', `${person.id}.yaml`), `name: { zh: ${person.zh}, en: ${person.en} }\nrole: { zh: 记者, en: Reporter }\n`);
  }
  for (const section of SECTIONS) {
    writeFileSync(join(contentDir, 'sections', `${section.id}.yaml`), `name: { zh: ${section.zh}, en: ${section.en} }\n`);
  }
  const storyIds = Array.from({ length: count }, (_, i) => storyId(i));
  const photoIds = Array.from({ length: POOL_SIZE }, (_, i) => photoId(i));
  const owners = Math.min(count, PHOTO_OWNERS);
  const twoYears = 2 * 365 * 24 * 3600_000;
  // Midnight of the benchmark's "now" in newsroom time (UTC+8): every story is published before it.
  const local = new Date(now.getTime() + 8 * 3600_000);
  const midnight = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) - 8 * 3600_000;
  for (const [i, id] of storyIds.entries()) {
    const dir = join(contentDir, 'stories', id);
    mkdirSync(dir, { recursive: true });
    const heroIndex = (i * 7) % POOL_SIZE;
    const bodyPhotos = [photoIds[(heroIndex + 1 + int(rng, 0, 8)) % POOL_SIZE]!];
    if (rng() < 0.5) bodyPhotos.push(photoIds[(heroIndex + 10 + int(rng, 0, 8)) % POOL_SIZE]!);
    const tagIndexes = new Set<number>();
    const tagCount = int(rng, 2, 4);
    while (tagIndexes.size < tagCount) tagIndexes.add(int(rng, 0, TAGS.length - 1));
    const authors = new Set<string>([pick(rng, PEOPLE).id]);
    if (rng() < 0.3) authors.add(pick(rng, PEOPLE).id);
    // Newest first, evenly over two years, at a plausible hour of the day (07:00-22:59).
    const day = Math.floor((((i + 1) / (count + 1)) * twoYears) / 86_400_000);
    const published = toShanghaiIso(midnight - (day + 1) * 86_400_000 + int(rng, 7 * 60, 22 * 60 + 59) * 60_000);
    const shape: Shape = {
      hero: photoIds[heroIndex]!,
      bodyPhotos,
      published,
      authors: [...authors],
      section: pick(rng, SECTIONS).id,
      tagIndexes: [...tagIndexes],
    };
    writeFileSync(join(dir, 'zh.mdx'), storyFile(rng, 'zh', shape));
    writeFileSync(join(dir, 'en.mdx'), storyFile(rng, 'en', shape));
  }
  for (const [p, id] of photoIds.entries()) {
    const dir = join(contentDir, 'stories', storyIds[p % owners]!, 'photos');
    mkdirSync(dir, { recursive: true });
    copyFileSync(join(poolDir, `${id}.jpg`), join(dir, `${id}.jpg`));
    const person = PEOPLE[(p * 11) % PEOPLE.length]!;
    writeFileSync(
      join(dir, `${id}.yaml`),
      [
        `image: ./${id}.jpg`,
        `caption: { zh: ${yamlString(`${zhHeading(rng).split(' ')[0]}（第${p + 1}幅）`)}, en: ${yamlString(`${enHeading(rng)} (photo ${p + 1})`)} }`,
        `alt: { zh: ${yamlString(`合成的纹理图像第${p + 1}幅`)}, en: ${yamlString(`A synthetic texture image, number ${p + 1}`)} }`,
        `photographer: ${person.id}`,
        '',
      ].join('\n'),
    );
  }
  return { storyIds, photoIds, editTarget: join(contentDir, 'stories', storyIds[Math.floor(count / 2)]!, 'zh.mdx') };
}
