/**
 * The outlets whose copy farms inject or list (research §0.2, §2–§7, §11 T3/T8), in match form
 * (`normalize.ts`: half-width punctuation) and in one script: Simplified/Traditional variants are
 * generated when the patterns compile (`script-variants.ts`). Adding an outlet is one line here
 * plus a test page that shows it.
 *
 * - `name`: how the outlet is written in a roll call of sources (a regex source);
 * - `datelines`: how its flash items open (`金色财经报道,`), regex sources anchored by the user.
 */
export interface Outlet {
  readonly name: string;
  readonly datelines: readonly string[];
}

export const OUTLETS = [
  { name: '金色财经', datelines: ['金色财经(?:报道|消息|讯)'] },
  { name: '金色早8点', datelines: [] },
  { name: 'Odaily\\s*星球日报|Odaily|星球日报', datelines: ['Odaily\\s*星球日报讯'] },
  { name: '(?:律动\\s*)?BlockBeats|律动', datelines: ['(?:律动\\s*)?BlockBeats\\s*消息'] },
  { name: 'PANews|PAData', datelines: ['PANews\\s*(?:\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日\\s*)?消息'] },
  { name: 'ChainCatcher|链捕手', datelines: ['(?:ChainCatcher|链捕手)\\s*消息'] },
  { name: '深潮\\s*TechFlow|深潮|TechFlow', datelines: ['深潮\\s*TechFlow\\s*消息'] },
  { name: 'MarsBit|火星财经', datelines: ['火星财经(?:消息|讯)?(?=[,:])'] },
  { name: '链得得|ChainDD', datelines: ['【链得得播报】', '\\(ChainDD\\)'] },
  { name: '巴比特(?:资讯)?|8btc', datelines: ['巴比特讯'] },
  { name: '吴说区块链', datelines: ['吴说区块链\\s*消息'] },
  { name: 'Foresight\\s*News', datelines: ['Foresight\\s*News\\s*消息'] },
  { name: '欧科云链', datelines: ['欧科云链\\s*(?:消息|讯)'] },
  { name: '澎湃新闻', datelines: [] },
  { name: 'BTCStudy', datelines: [] },
  { name: 'Arcane\\s*Labs', datelines: [] },
] as const satisfies readonly Outlet[];

/** Words a farm's roll call of sources mixes in with the outlet names (section links). */
export const ROLL_CALL_EXTRAS = ['个人专栏', '阅读更多'] as const;
