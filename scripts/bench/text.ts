/**
 * Deterministic pseudo-text for the benchmark corpus: a seeded PRNG, a pool of Chinese
 * clauses (taken from the seed story, so the text has real Chinese word shapes, quotes,
 * numbers and punctuation) and an English word pool. The same seed always gives the same
 * corpus, so two runs of the benchmark build byte-identical content.
 */

/** mulberry32: a small, fast, seedable PRNG; plenty for text shapes. */
export function makeRng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rng = () => number;

export const int = (rng: Rng, min: number, max: number): number => min + Math.floor(rng() * (max - min + 1));
export const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;

/** Clauses of the seed story's Chinese text, split at punctuation (quotes balanced). */
export const ZH_CLAUSES: readonly string[] = [
  '全球棉纺纱锭总量的四分之一', '来自“经纬”', '“榆液”品牌已成为行业标杆', '其标准被纳入国家标准和高校教材', '全国最大的锂电池负极材料生产基地', '在昔阳扎根', '“十四五”以来',
  '我市紧扣省委', '省政府制造业振兴升级部署', '坚持“链式”与“镇兴”双轮驱动', '以产业链之“强”夯实发展根基', '以专业镇之“特”塑造竞争优势', '奋力将制造业这份“厚实家当”做优做强',
  '为全市经济高质量发展注入强劲动能', '来到山西安泰精品钢深加工“零碳”产业园', '机器轰鸣', '热浪扑面', '通红的钢坯经过轧制', '蜕变为优质线材“飞”向全国', '而生产过程中的废渣',
  '余热被“吃干榨尽”', '循环利用', '也是“链式发展”模式的成功实践', '自2023年成为省级特钢材料产业链“链主”后', '安泰集团按下了转型升级“加速键”', '通过延链', '集团推动资源高效汇聚',
  '一方面锻造“人才链”', '深化产教融合', '攻克了900毫米以上大规格H型钢等关键技术', '另一方面抢占“智”高点', '建设智能工厂', '并依托高线大盘卷生产线', '填补了高强度冷镦钢',
  '锚链钢等空白', '产品应用于北京大兴国际机场', '贵州“天眼”等国家重点工程', '汽车用钢成功通过IATF16949认证并投放市场', '在这场深刻的产业突围战中', '众多企业围绕转型升级的时代课题',
  '紧盯行业先进水平', '致力于处理好发展与减排', '整体与局部等重大关系', '它们突出智能化', '服务化方向', '加快技术改造', '推动传统产业向工艺先进化', '产品高端化',
  '品牌知名化的产业集群化迈进', '让老产业焕发出新活力', '这幅绿色转型的画卷亮点纷呈', '山西安泰精品钢深加工“零碳”产业园加快建设', '培育千亿级特钢材料产业链',
  '和顺银圣科技有限公司与太原理工大学共建产学研基地', '成功突破高端硅钢级氧化镁这一“卡脖子”技术', '灵石东方希望将金属镓年产量大幅提升至120吨', '成为国内最大的单体生产企业',
  '今年我市新认定11户企业为市级绿色工厂', '其中8户获评省级绿色工厂', '作为国家经济命脉所系的制造业', '亦是晋中“经济版图”上最生动的影像', '这座山西老工业基地', '正以“专业镇”为引擎',
  '推动纺机', '液压等传统优势产业向高端化', '集群化跃升', '重塑产业竞争新优势', '工业机器人灵活舞动', '10余个零部件在全自动生产线上精准流转', '在线检测一气呵成', '装配精度达0.01毫米',
  '合格率稳定在100%', '曾依赖手工装配导致质量波动的生产难题', '如今被精准的自动化操作彻底破解', '经纬智能公司', '作为全球唯一全流程棉纺设备供应商', '正以“链主”姿态引领“中国纺机名城”建设',
  '年研发投入占比超6%', '该公司通过攻克“磁悬浮单锭驱动”等关键技术', '实现万锭用工降至10人', '节能效率提升15%', '公司投资5亿元打造的智能工厂', '使零件加工精度达0.005毫米级',
  '订单交付周期缩短25%', '成为行业内的“灯塔工厂”', '政企协同', '经纬智能公司带动150余家配套企业协同发展', '拉动区域就业5000余人', '年产值超10亿元', '液压的“招牌”同样家喻户晓',
  '太重集团榆次液压工业有限公司作为液压行业的“排头兵”', '企业产品广泛应用于三峡工程', '南水北调', '卫星发射等国家重大工程', '该公司正通过油缸', '“四轮一带”等项目', '带动全市铸造',
  '机械加工产业提档升级', '一镇带一方', '一方促全盘', '以经纬纺机', '太重榆液为双引擎', '建设纺机液压镇', '形成“扭抱缠绕”的产业格局', '推动产业链', '供应链深度耦合',
  '在祁县红海玻璃公司', '工人手持吹杆', '从窑炉中挑出火红的玻璃熔液', '借助模具与气息', '几分钟内', '一件晶莹剔透的玻璃器皿便“一气呵成”', '这不仅是百年技艺的传承',
  '更是我市专业镇产业活力的生动写照', '这个“吹”出来的特色产业镇', '已形成产品种类齐全', '技术领先', '产业链完整的玻璃器皿产业集群', '目前全县拥有玻璃器皿生产企业50户', '年产能达25万吨',
  '成为名副其实的“中国玻璃器皿之都”', '专业镇作为产业集聚区', '正成为富民强市的重要载体', '我市围绕特色产业实施分级培育', '构建起省', '县三级专业镇发展梯队', '已形成太谷玛钢',
  '祁县玻璃器皿', '平遥牛肉和推光漆', '榆次纺机液压等4个省级专业镇', '认定了12个市级专业镇', '这些专业镇正成为区域经济发展的重要增长极', '祁县玻璃器皿占据全国六成人工吹制市场份额',
  '其中高脚杯占比超八成', '太谷玛钢的管件', '电力金具', '沟槽管件分别占据全国市场的2/3', '4/5和1/5', '平遥牛肉年加工能力达3万吨', '推光漆器年产量30万件',
  '已作为“国礼”走向世界', '2025年', '晋中产业生态持续优化', '新增链上企业2户', '现有省级重点产业链企业71户', '其中“链主”企业3户', '“链核”企业12户',
  '吉利乘用车完成技改即将量产', '新泰钢铁申报行业规范企业取得进展', '市场开拓成效显著', '我市组织12个县的38家企业参展第三届省专业镇博览会', '接待游客', '采购商等超万人(次)',
  '累计搭建公共服务平台37个', '为企业创新提供有力支撑', '《晋中市平遥牛肉保护和发展条例》的编制工作积极推进', '以地方立法护航产业发展', '征程万里', '步履不停', '晋中制造业正把握机遇',
  '乘风而起', '驶向更加壮阔的未来',
];

/** English: newsroom vocabulary, enough variety that no two paragraphs are the same. */
export const EN_WORDS: readonly string[] = (
  'the a an of in on for with from by at to and but as while after before across under over into ' +
  'city county province town village factory workshop plant line chain cluster industry industries sector market ' +
  'markets company companies firm firms group enterprise enterprises worker workers engineer engineers farmer farmers ' +
  'official officials mayor manager managers director residents families students teachers visitors buyers suppliers ' +
  'steel glass textile textiles machinery hydraulic hydraulics battery batteries energy coal hydrogen solar power grid ' +
  'water river railway road port airport bridge school hospital clinic museum heritage craft crafts beef lacquer ' +
  'output revenue investment exports orders jobs wages prices costs growth demand supply capacity quality standard ' +
  'standards technology research training skills design equipment robots sensors software data platform network ' +
  'plan plans policy policies project projects programme reform upgrade transition strategy target targets goal goals ' +
  'year years month months decade season morning afternoon week percent million billion tonnes kilometres hectares ' +
  'built opened expanded raised cut moved turned brought added reached doubled tripled launched tested shipped ' +
  'makes builds opens expands raises cuts moves turns brings adds reaches doubles launches tests ships ' +
  'said says told explained noted added recalled estimated expected hoped warned argued agreed ' +
  'new old local national regional global small large modern traditional green clean smart digital automated ' +
  'skilled young older rural urban northern southern central eastern western major leading specialised ' +
  'steady rapid slow early late first second third last next recent current annual monthly daily ' +
  'more most less fewer many several some every each other such only also still already now again ' +
  'quickly slowly carefully steadily sharply nearly almost roughly about around within beyond'
).split(' ');

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** A Chinese sentence: two to five clauses joined by commas, ending with a full stop. */
export function zhSentence(rng: Rng): string {
  const clauses = Array.from({ length: int(rng, 2, 5) }, () => pick(rng, ZH_CLAUSES));
  return `${clauses.join('，')}。`;
}

/** A Chinese paragraph of about `target` characters. */
export function zhParagraph(rng: Rng, target = int(rng, 120, 260)): string {
  let text = '';
  while ([...text].length < target) text += zhSentence(rng);
  return text;
}

/** An English sentence of 8 to 24 words, with an occasional comma. */
export function enSentence(rng: Rng): string {
  const count = int(rng, 8, 24);
  const words: string[] = [];
  for (let i = 0; i < count; i++) {
    let word = pick(rng, EN_WORDS);
    if (i > 2 && i < count - 2 && rng() < 0.08) word += ',';
    words.push(word);
  }
  return `${capitalise(words.join(' '))}.`;
}

/** An English paragraph of about `target` words. */
export function enParagraph(rng: Rng, target = int(rng, 60, 130)): string {
  const sentences: string[] = [];
  let words = 0;
  while (words < target) {
    const sentence = enSentence(rng);
    sentences.push(sentence);
    words += sentence.split(' ').length;
  }
  return sentences.join(' ');
}

/** A short Chinese phrase (a headline or heading): one or two clauses. */
export function zhHeading(rng: Rng): string {
  return rng() < 0.5 ? pick(rng, ZH_CLAUSES) : `${pick(rng, ZH_CLAUSES)} ${pick(rng, ZH_CLAUSES)}`;
}

/** A short English phrase in sentence case, `min`..`max` words. */
export function enHeading(rng: Rng, min = 4, max = 8): string {
  return capitalise(Array.from({ length: int(rng, min, max) }, () => pick(rng, EN_WORDS)).join(' '));
}

/** Characters of Chinese text, counting every code point except whitespace. */
export const countChars = (text: string) => [...text.replace(/\s/g, '')].length;
/** Words of English text. */
export const countWords = (text: string) => text.split(/\s+/).filter(Boolean).length;
