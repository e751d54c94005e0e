import type { SearchDoc } from '../electron/core/search/index.js';

/*
 * Deterministic generator of a mixed zh/en e-commerce SOP pack. Sentences are assembled from a
 * bank of realistic clauses (actors, actions, objects, conditions, purposes, platforms, tools),
 * plus generated product/brand names and numbers, so that the bigram vocabulary grows with N
 * the way a real knowledge base does instead of saturating after a few hundred articles.
 */

export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
type R = () => number;
const pick = <T>(r: R, a: readonly T[]): T => a[Math.floor(r() * a.length)]!;
const w = (s: string): string[] => s.trim().split(/\s+/);

export const ACTORS = w(`客服 售前客服 售后专员 运营 店长 仓库管理员 打包员 质检员 财务 采购 设计师 主播 场控 投放专员 数据分析师 招商经理 法务 物流专员 客服主管 运营助理 新媒体编辑 品控 跟单员`);
export const ACTIONS = w(`核对 审核 确认 上传 提交 同步 跟进 处理 登记 复盘 导出 调整 优化 发布 下架 补发 退回 拦截 申诉 备案 盘点 归档 抽检 回访 报名 设置 修改 冻结 解冻 对账 开具 催促 安抚 记录 汇总 测算 预估 排查 配置 更新`);
export const OBJECTS = w(`订单 退款申请 物流信息 商品详情页 主图 库存 优惠券 活动报名 发票 售后工单 差评 直通车计划 关键词 价格 运费模板 赠品 质检报告 入库单 出库单 对账单 保证金 聊天记录 退货地址 快递单号 发货时效 满减活动 会员积分 评价 投诉 直播脚本 短视频素材 商品标题 类目属性 品牌授权 供应商报价 采购合同 样品 包装材料 防伪标签 促销价 秒杀库存 预售定金 尾款 换货申请 补差价 赔付金额 工单备注 客户标签 复购率 转化率 客单价 退款率 动销率 周转天数 广告预算 投产比 点击率 加购数 收藏数`);
export const CONDITIONS = w(`如果顾客已经签收 如果订单尚未发货 当库存低于安全库存时 遇到平台规则变更时 对于高客单价商品 如果物流超过七十二小时未更新 大促期间 活动开始前三天 收到平台通知后 如果顾客拒绝签收 当退款率连续三天上升时 如果供应商延迟交货 遇到恶意差评时 如果商品存在质量问题 对于定制类商品 当直播间在线人数下降时 如果广告投产比低于一 遇到系统故障时 对于跨境订单 在新品上架前`);
export const PURPOSES = w(`以免影响店铺评分 避免超卖 确保账实一致 降低退款率 提高转化率 防止违规处罚 保证顾客体验 减少重复沟通 便于月底对账 控制广告成本 提升复购率 缩短发货时效 避免资损 符合平台规则 方便后续追溯`);
export const TIMES = w(`每天上午十点前 在两小时内 每周一 月底前 二十四小时内 当天 下班前 每次大促后 四十八小时内 每月五号前 活动结束后三天内 第一时间`);
export const PLATFORMS = w(`淘宝 天猫 京东 拼多多 抖音小店 快手 小红书 微信小店 Amazon Shopee Lazada TikTok_Shop Temu AliExpress eBay Walmart`).map((p) => p.replace('_', ' '));
export const TOOLS = w(`千牛工作台 生意参谋 京麦 ERP系统 工单系统 飞书表格 企业微信 Seller_Central 店小秘 旺店通 聚水潭 巨量千川 直通车 引力魔方 钉钉审批`).map((p) => p.replace('_', ' '));
const HEADINGS = w(`适用范围 操作步骤 注意事项 常见问题 责任分工 时效要求 异常处理 审核标准 数据口径 考核指标 工具与权限 升级机制 参考话术 复盘模板 风险提示 背景说明`);
const TITLE_PATTERNS = [
  (r: R) => `${pick(r, OBJECTS)}${pick(r, ACTIONS)}流程`,
  (r: R) => `${pick(r, PLATFORMS)}${pick(r, OBJECTS)}${pick(r, ['规范', '操作指南', '处理办法', 'SOP', '管理制度'])}`,
  (r: R) => `${pick(r, ACTORS)}${pick(r, ['岗位职责', '工作手册', '每日清单', '考核标准', '入职培训'])}`,
  (r: R) => `如何${pick(r, ACTIONS)}${pick(r, OBJECTS)}`,
  (r: R) => `${pick(r, OBJECTS)}与${pick(r, OBJECTS)}${pick(r, ['常见问题', '注意事项', '对照表'])}`,
];
const EN_TITLES = [
  (r: R) => `${pick(r, ['How to', 'Guide:', 'SOP:', 'Checklist:'])} ${pick(r, EN_VERBS)} ${pick(r, EN_OBJECTS)} on ${pick(r, ['Amazon', 'Shopee', 'Lazada', 'TikTok Shop', 'eBay', 'Walmart'])}`,
  (r: R) => `${pick(r, EN_OBJECTS)} ${pick(r, ['policy', 'workflow', 'guidelines', 'troubleshooting'])}`,
];
const EN_ACTORS = w(`The_seller The_support_agent The_warehouse_team The_account_manager The_listing_specialist Finance The_logistics_partner The_store_owner`).map((p) => p.replace(/_/g, ' '));
const EN_VERBS = w(`review verify upload update refund cancel ship track escalate monitor optimize reconcile approve reject submit archive restock replace`);
const EN_OBJECTS = w(`orders returns refunds listings keywords inventory shipments invoices customer_messages product_images search_terms coupons reviews claims chargebacks price_alerts fulfillment_fees`).map((p) => p.replace(/_/g, ' '));
const EN_TAILS = [
  'within 24 hours of the request',
  'before the promotion starts',
  'in Seller Central',
  'and record the result in the ticket',
  'to keep the account health above the threshold',
  'so that the buyer receives a clear answer',
  'unless the item arrived damaged',
  'after the warehouse inspects the returned package',
];
const EN_TERMS = w(`SKU ERP GMV ROI SPU Listing Buy_Box FBA ASIN KPI CTR CVR A+ Prime`).map((p) => p.replace('_', ' '));
export const TAGS = w(`退款 售后 物流 库存 大促 直播 数据 话术 评价 设计 广告 财务 采购 跨境 合规 新品 会员 客服 发货 质检`);
export const ROLES = w(`customer-service operations warehouse finance design marketing purchasing live-streaming`);
export const CATEGORIES = w(`customer-service operations warehouse finance design marketing purchasing cross-border policies`);

/** brand/product names from random character pairs: the long tail of a real vocabulary */
const NAME_CHARS = '雅诺贝尔森林优品悦家美宜佳居乐康源丰泽瑞德安禾木子星辰云海青山绿水春秋冬夏锦绣华彩恒信达通捷顺万邦盛世金玉满堂晨光暖阳微风细雨山川湖泊';
function productName(r: R): string {
  const n = 2 + Math.floor(r() * 2);
  let s = '';
  for (let i = 0; i < n; i++) s += NAME_CHARS[Math.floor(r() * NAME_CHARS.length)];
  return s + pick(r, ['旗舰店', '系列', '礼盒', '套装', '款', 'Pro', '2代', '']);
}
const NUMS = w(`一 两 三 五 七 十 十五 三十 七十二 一百`);

function zhSentence(r: R): string {
  const k = Math.floor(r() * 9);
  switch (k) {
    case 0:
      return `${pick(r, CONDITIONS)}，${pick(r, ACTORS)}需要${pick(r, TIMES)}${pick(r, ACTIONS)}${pick(r, OBJECTS)}，${pick(r, PURPOSES)}。`;
    case 1:
      return `${pick(r, ACTORS)}在${pick(r, TOOLS)}里${pick(r, ACTIONS)}${pick(r, OBJECTS)}和${pick(r, OBJECTS)}，完成后通知${pick(r, ACTORS)}。`;
    case 2:
      return `${pick(r, PLATFORMS)}的${pick(r, OBJECTS)}要求${pick(r, TIMES)}完成${pick(r, ACTIONS)}，超过${pick(r, NUMS)}天未处理会被平台扣分。`;
    case 3:
      return `以${productName(r)}为例，${pick(r, OBJECTS)}的${pick(r, ['目标值', '警戒线', '基准', '上限'])}是百分之${pick(r, NUMS)}，${pick(r, PURPOSES)}。`;
    case 4:
      return `${pick(r, ACTORS)}发现${pick(r, OBJECTS)}异常时，先${pick(r, ACTIONS)}${pick(r, OBJECTS)}，再升级给${pick(r, ACTORS)}。`;
    case 5:
      return `注意：${pick(r, OBJECTS)}一旦${pick(r, ['提交', '发布', '确认', '审核通过'])}就不能${pick(r, ['撤回', '修改', '删除'])}，${pick(r, PURPOSES)}。`;
    case 6:
      return `${pick(r, TIMES)}由${pick(r, ACTORS)}导出${pick(r, OBJECTS)}数据，重点关注${pick(r, OBJECTS)}、${pick(r, OBJECTS)}和${pick(r, EN_TERMS)}。`;
    case 7:
      return `顾客咨询${pick(r, OBJECTS)}时，${pick(r, ACTORS)}应先${pick(r, ['共情', '致歉', '核实身份', '查询记录'])}，然后说明${pick(r, OBJECTS)}的处理时效。`;
    default:
      return `${pick(r, ['对于', '针对'])}${pick(r, PLATFORMS)}店铺，${pick(r, OBJECTS)}统一使用${pick(r, TOOLS)}${pick(r, ACTIONS)}，${pick(r, EN_TERMS)}编码保持一致。`;
  }
}

function enSentence(r: R): string {
  return `${pick(r, EN_ACTORS)} should ${pick(r, EN_VERBS)} the ${pick(r, EN_OBJECTS)} ${pick(r, EN_TAILS)}.`;
}

export function makeDoc(i: number, seed = 1): SearchDoc {
  const r = rng(seed * 1_000_003 + i);
  const english = r() < 0.15;
  const title = english ? pick(r, EN_TITLES)(r) : pick(r, TITLE_PATTERNS)(r);
  const nHead = 3 + Math.floor(r() * 3);
  const headings: string[] = [];
  for (let h = 0; h < nHead; h++) headings.push(pick(r, HEADINGS));
  const parts: string[] = [];
  let len = 0;
  const target = 1100 + Math.floor(r() * 200);
  while (len < target) {
    const en = english ? r() < 0.75 : r() < 0.12;
    const s = (en ? enSentence(r) + ' ' : zhSentence(r)) + (r() < 0.08 ? '\n' : '');
    parts.push(s);
    len += s.length;
  }
  // joined, not concatenated: a flat string, so that memory measurements do not see ropes collapse
  const body = parts.join('');
  const category = pick(r, CATEGORIES);
  return {
    id: `${category}/doc-${i}`,
    kind: 'article',
    title,
    headings,
    body,
    tags: [...new Set([pick(r, TAGS), pick(r, TAGS)])],
    roles: [...new Set([pick(r, ROLES), ...(r() < 0.4 ? [pick(r, ROLES)] : [])])],
    category,
    platforms: [...new Set([pick(r, PLATFORMS), ...(r() < 0.5 ? [pick(r, PLATFORMS)] : [])])],
    hash: `h${seed}-${i}`,
  };
}

export function makePack(n: number, seed = 1): SearchDoc[] {
  return Array.from({ length: n }, (_, i) => makeDoc(i, seed));
}

const QUESTIONS = [
  (r: R) => `${pick(r, CONDITIONS)}应该怎么${pick(r, ACTIONS)}${pick(r, OBJECTS)}`,
  (r: R) => `顾客收到货以后想退款应该怎么处理`,
  (r: R) => `${pick(r, OBJECTS)}超时了怎么办`,
  (r: R) => `如何在${pick(r, TOOLS)}里${pick(r, ACTIONS)}${pick(r, OBJECTS)}`,
  (r: R) => `${pick(r, ACTORS)}每天需要${pick(r, ACTIONS)}哪些${pick(r, OBJECTS)}？`,
];

/** ~200 mixed queries: keywords, questions, English (with typos), mixed, pinyin, substrings */
export function makeQueries(docs: SearchDoc[], n = 200, seed = 7): string[] {
  const r = rng(seed);
  const out: string[] = [];
  const typo = (s: string): string => {
    if (s.length < 5) return s;
    const i = 1 + Math.floor(r() * (s.length - 2));
    return s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2);
  };
  while (out.length < n) {
    const k = Math.floor(r() * 8);
    if (k === 0) out.push(pick(r, OBJECTS));
    else if (k === 1) out.push(`${pick(r, OBJECTS)} ${pick(r, ACTIONS)}`);
    else if (k === 2) out.push(pick(r, QUESTIONS)(r));
    else if (k === 3) out.push(`${pick(r, EN_VERBS)} ${pick(r, EN_OBJECTS)}`);
    else if (k === 4) out.push(typo(`${pick(r, EN_VERBS)} ${pick(r, EN_OBJECTS)}`));
    else if (k === 5) out.push(`${pick(r, ['Amazon', 'Shopee', 'SKU', 'ERP'])} ${pick(r, OBJECTS)} ${pick(r, EN_OBJECTS)}`);
    else if (k === 6) out.push(pick(r, ['kefu', 'kf', 'tuikuan', 'kucun', 'zhibo', 'dingdan', 'yyzs']));
    else out.push(chineseSubstring(r, docs));
  }
  return out;
}

/** a random substring (2–10 characters, ≥2 Han) of a Chinese stretch of a random doc */
export function chineseSubstring(r: R, docs: SearchDoc[], docOut?: { index: number }): string {
  for (;;) {
    const di = Math.floor(r() * docs.length);
    const runs = docs[di]!.body.match(/[\p{sc=Han}，。、；：！？]{2,}/gu);
    if (!runs) continue;
    const run = pick(r, runs);
    const len = 2 + Math.floor(r() * 9);
    const start = Math.floor(r() * Math.max(1, run.length - 1));
    const s = run.slice(start, start + len);
    if ((s.match(/\p{sc=Han}/gu) ?? []).length < 2) continue;
    if (docOut) docOut.index = di;
    return s;
  }
}
