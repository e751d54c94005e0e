/**
 * Everyday near-synonyms of Chinese workplace language, used in every pack after the pack's own
 * `synonyms` (which win where both name a word). People ask with the words they know (矛盾, 提高,
 * 买家), while SOPs use the house words (冲突, 提升, 顾客). Kept small and disjoint: each group
 * only joins words a reader would accept in place of each other.
 */
export const GENERAL_SYNONYMS: string[][] = [
  ['冲突', '矛盾', '分歧', '争执'],
  ['顾客', '客户', '买家', '消费者', '用户'],
  ['员工', '成员', '同事', '组员'],
  ['提升', '提高', '改善', '改进'],
  ['办法', '方法', '方式', '做法'],
  ['规范', '标准', '规定', '规则'],
  ['步骤', '流程', '程序'],
  ['激励', '奖励', '奖金', '提成'],
  ['考核', '评估', '考评', '评价体系'],
  ['培训', '培养', '学习', '带教'],
  ['新人', '新员工', '新同事', '入职'],
  ['主管', '领导', '负责人', '上级'],
  ['商品', '产品', '货品', '宝贝'],
  ['店铺', '网店', '店'],
  ['价格', '售价', '定价', '价钱'],
  ['库存', '存货', '备货'],
  ['仓库', '仓储', '库房'],
  ['丢件', '丢失', '遗失'],
  ['破损', '损坏', '坏了'],
  ['错误', '出错', '失误', '差错'],
  ['紧急', '加急', '着急'],
  ['沟通', '交流', '对接'],
  ['会议', '开会', '例会'],
  ['目标', '指标', 'KPI'],
  ['密码', '口令'],
  ['账号', '帐号', '账户', '帐户'],
  ['删除', '删掉', '移除'],
  ['修改', '更改', '变更', '改'],
  ['时效', '时限', '期限'],
  ['赔偿', '赔付', '补偿'],
];

/** The pack's groups first: the shared list only fills in words the pack did not define. */
export function withGeneralSynonyms(pack: string[][]): string[][] {
  return [...pack, ...GENERAL_SYNONYMS];
}
