import { seededRandom } from '../../src/rules/test-random.js';
/**
 * A benchmark page in the content-farm shape (research §1, §13 F1): nav spam, a decorated title,
 * placeholder meta, credit lines, an essay in Traditional Chinese with headings and a captioned
 * image, injected flash-news runs every few paragraphs, and the farm tail (roll call, Tags:,
 * 中幣下載, related list with placeholder dates, ads). All text is written for this benchmark.
 *
 * `scale` 1 gives 5 sections of 4 essay paragraphs and 5 injected runs (8 paragraphs), like the
 * seed page; `scale` k gives k times the sections, paragraphs and runs.
 */

export interface SamplePage {
  html: string;
  url: string;
  /** Essay paragraph texts, in order (what a reader must keep). */
  essay: string[];
  /** Injected paragraph texts (what a reader must drop). */
  injected: string[];
  headings: string[];
}

const SENTENCES = [
  '穩定幣最初只是交易所之間搬運資金的工具,誰也沒想到它會成為整個鏈上經濟的計價單位。',
  '早期的用戶把它當作避險的港口,行情劇烈波動時先換成穩定幣,等風浪過去再回到市場。',
  '真正改變局面的是去中心化交易所,因為流動性池需要一個大家都認可的報價基準。',
  '當借貸協議開始接受穩定幣作為抵押品,它的角色便從現金變成了可以生息的資產。',
  '發行方承諾每一枚代幣都有等值的儲備支持,但儲備放在哪裡、由誰審計,始終是爭論的焦點。',
  '有人主張完全透明的鏈上儲備,也有人認為短期國債的收益才是維持商業模式的關鍵。',
  '算法穩定幣試圖用程序取代儲備,結果在一次擠兌中證明了信心比代碼更難寫。',
  '那次崩盤之後,監管者終於有了介入的理由,各地的草案在一年內接連出台。',
  '對開發者來說,最重要的問題不是合規,而是跨鏈之後同一種穩定幣會不會變成好幾種。',
  '橋接合約每多一層,用戶手上的代幣就多一分風險,這是過去幾年反覆付出的學費。',
  '支付公司看中的是結算速度:傳統跨境匯款要等兩三天,鏈上轉賬幾分鐘就能確認。',
  '然而商家真正在意的是手續費和退款流程,這兩件事區塊鏈到今天都沒有完全解決。',
  '在一些通貨膨脹嚴重的國家,穩定幣已經是普通家庭保存工資的方式,而不是投機的籌碼。',
  '這種需求很少出現在新聞標題裡,卻是穩定幣發行量最穩定的增長來源。',
  '我們做過一個粗略的估算:如果把鏈上轉賬按金額排序,前百分之一的交易佔了九成以上的總額。',
  '這說明穩定幣的主要用戶仍然是機構和做市商,零售支付只是很小的一部分。',
  '錢包的體驗決定了普通人能不能用得下去,助記詞和燃料費對新用戶來說仍是兩道門檻。',
  '帳戶抽象讓應用可以替用戶支付燃料費,這看似是小改動,卻可能是普及的轉折點。',
  '另一個被低估的變化是隱私:企業不願意讓競爭對手在區塊瀏覽器上看到自己的供應鏈付款。',
  '零知識證明提供了一條折衷的路,既能向監管者證明合規,又不必把每筆交易公開。',
  '銀行的態度也在轉變,從最初的排斥到嘗試發行自己的存款代幣,只用了不到五年。',
  '存款代幣和穩定幣的差別在於背後的負債屬於誰,這個法律問題比技術問題複雜得多。',
  '中央銀行數字貨幣則走了另一條路,它更像是現金的電子版本,而不是開放網絡上的資產。',
  '兩者未必是競爭關係,未來的錢包可能同時持有公共鏈上的穩定幣和央行發行的數字現金。',
  '回頭看,穩定幣的每一次擴張都伴隨著一次危機,而每一次危機都讓規則變得更清楚。',
  '如果說比特幣回答了價值能否不依賴機構存在,穩定幣回答的是機構能否被寫進代碼。',
  '這個答案目前只寫了一半,剩下的部分取決於儲備、監管和用戶習慣之間的平衡。',
  '對於正在觀望的讀者,我的建議是先弄清楚自己持有的是哪一種穩定幣,以及它由誰負責兌付。',
  '不要只看收益率,收益從哪裡來往往比收益有多高更重要。',
  '也不要低估操作風險,轉錯網絡、授權惡意合約,這些損失通常無法追回。',
  '市場上每隔幾個月就會出現新的穩定幣設計,大多數在宣傳期之後便悄然消失。',
  '留下來的項目有一個共同點:它們都把兌付能力放在增長之前。',
  '從數據看,穩定幣總市值在過去十二個月裡增長了約三成,而交易量增長得更快。',
  '交易量增長快於市值,意味著每一枚穩定幣被使用的次數在增加,流通速度正在上升。',
  '這是一個健康的信號,說明穩定幣不只是躺在錢包裡,而是真的在經濟活動中流動。',
  '當然,流通速度的一部分來自機器人交易,扣除這部分之後的真實需求仍需謹慎估計。',
];

const HEADINGS = [
  '穩定幣從哪裡來',
  '儲備與信任',
  '跨鏈之後的碎片化',
  '支付的最後一公里',
  '監管、銀行與央行',
  '給讀者的幾點建議',
  '數據裡的真實需求',
];

interface Run {
  head: string;
  linked: boolean;
  body: string[];
}

const RUNS: Run[] = [
  {
    head: '數據:以太坊二層網絡周交易量創歷史新高',
    linked: false,
    body: [
      '金色財經報道,據第三方數據平台統計,以太坊二層網絡過去七日處理的交易筆數首次突破一億筆,較上周增長約一成二。',
    ],
  },
  {
    head: '某交易所:將於下周暫停部分網絡充提服務',
    linked: true,
    body: [
      '{M}月{D}日消息,某交易所發布公告稱,將在網絡升級期間暫停相關代幣的充值與提現業務,升級完成後另行通知恢復時間。',
      '此前消息,該網絡已於上月完成測試網升級,開發團隊表示未發現影響資產安全的問題。',
    ],
  },
  {
    head: '報告:第一季度鏈上詐騙損失同比下降',
    linked: false,
    body: [
      '據區塊鏈安全機構報道,今年第一季度因網絡釣魚和惡意授權造成的損失約為一點二億美元,同比下降約四成。',
    ],
  },
  {
    head: '某公鏈基金會:啟動一億美元生態激勵計劃',
    linked: false,
    body: [
      '{M}月{D}日消息,某公鏈基金會宣布啟動總額一億美元的生態激勵計劃,重點支持支付和遊戲類應用。',
      '此前報道,該基金會曾在去年撥款五千萬美元用於開發者資助,共有三百多個團隊獲得支持。',
    ],
  },
  {
    head: '分析師:比特幣礦工持倉連續三周減少',
    linked: true,
    body: [
      '金色財經報道,{M}月{D}日,鏈上分析師指出,礦工地址持有的比特幣數量已連續三周下降,累計減少約八千枚。',
      '此前消息,全網算力在本月初創下新高,挖礦難度隨後上調約百分之四。',
    ],
  },
];

function esc(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** Builds the farm page at `scale` (1, 4, 16, …). Deterministic for a given scale. */
export function buildSamplePage(scale = 1): SamplePage {
  const rand = seededRandom(20240318 + scale);
  const url = `https://www.example-farm.com/info/${422000 + scale}.html`;
  const essay: string[] = [];
  const injected: string[] = [];
  const headings: string[] = [];
  const body: string[] = [];
  const sections = 5 * scale;
  let runIndex = 0;

  const paragraph = (): string => {
    const n = 4 + Math.floor(rand() * 3);
    const picks: string[] = [];
    while (picks.length < n) {
      const s = SENTENCES[Math.floor(rand() * SENTENCES.length)]!;
      if (!picks.includes(s)) picks.push(s);
    }
    return picks.join('');
  };

  const injectRun = (): void => {
    const run = RUNS[runIndex % RUNS.length]!;
    const round = Math.floor(runIndex / RUNS.length);
    const month = 1 + ((runIndex * 5) % 12);
    const day = 1 + ((runIndex * 11) % 28);
    const stamp = `[2024/${month}/${day} ${(8 + runIndex) % 24}:${String((runIndex * 17) % 60).padStart(2, '0')}:${String((runIndex * 29) % 60).padStart(2, '0')}]`;
    const head = round ? `${run.head}(${round + 1})` : run.head;
    const parts = run.body.map((b) => b.replace('{M}', String(month)).replace('{D}', String(day)));
    parts[parts.length - 1] += stamp;
    parts.forEach((text, i) => {
      if (i === 0) {
        const headHtml = run.linked
          ? `<a href="/info/${500000 + runIndex}.html">${esc(head)}</a>`
          : esc(head);
        body.push(`<p>${headHtml}:${esc(text)}</p>`);
        injected.push(`${head}:${text}`);
      } else {
        body.push(`<p>${esc(text)}</p>`);
        injected.push(text);
      }
    });
    runIndex++;
  };

  body.push('<p>作者:林小雨</p>', '<p>編譯:鏈上觀察 阿哲</p>');
  for (let s = 0; s < sections; s++) {
    const base = HEADINGS[s % HEADINGS.length]!;
    const round = Math.floor(s / HEADINGS.length);
    const heading = round ? `${base}(${round + 1})` : base;
    headings.push(heading);
    body.push(s % 2 === 0 ? `<h2>${esc(heading)}</h2>` : `<p><strong>${esc(heading)}</strong></p>`);
    for (let p = 0; p < 4; p++) {
      const text = paragraph();
      essay.push(text);
      if (s % 5 === 3 && p === 1) {
        // One section in five comes as a <br><br>-separated body, as farm bodies often do.
        body.push(`<div>${esc(text)}<br><br>`);
        const next = paragraph();
        essay.push(next);
        body.push(`${esc(next)}</div>`);
        p++;
        if (p === 2) injectRun();
        continue;
      }
      body.push(`<p>${esc(text)}</p>`);
      if (s % 5 === 1 && p === 0) {
        body.push(`<p><img src="/uploads/2024/${s + 1}.png" alt="" width="640" height="360"></p>`);
        const caption = `圖:穩定幣發行量與鏈上轉賬量的變化(第${s + 1}張)`;
        essay.push(caption);
        body.push(`<p>${esc(caption)}</p>`);
      }
      if (p === 2) injectRun();
    }
  }

  const title = 'STB:穩定幣的下一個十年:從交易所工具到日常支付_USDX';
  const related = [0, 1, 2]
    .map(
      (i) =>
        `<li><a href="/info/${421000 + i}.html">BTC:比特幣減半前後的礦工經濟學(${i + 1})_MINE</a><p>從算力、手續費與持倉變化看礦工的選擇。</p><span>1900/1/1 0:00:00</span></li>`,
    )
    .join('');
  const side = Array.from(
    { length: 10 },
    (_, i) =>
      `<li><a href="/info/${420000 + i}.html">ETH:以太坊質押收益的來源與風險(${i + 1})_ETH</a></li>`,
  ).join('');
  const html = `<!DOCTYPE html>
<html lang="zh-Hant"><head><meta charset="utf-8"><title>${esc(title)}-幣圈快訊網</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body>
<div class="top"><a href="/">買比特幣</a> <a href="/">買比特幣</a></div>
<div class="fav">Ctrl+D 買比特幣</div>
<div class="ad">ads</div>
<div class="main">
<h1>${esc(title)}</h1>
<div class="info"><span>Author:</span> <span>Time:1900/1/1 0:00:00</span></div>
<div class="content">
${body.join('\n')}
</div>
<div class="src"><a href="/s/1">巴比特資訊</a> <a href="/s/2">金色財經</a> <a href="/s/3">Odaily星球日報</a> <a href="/s/4">PANews</a> <a href="/s/5">BlockBeats</a></div>
<div class="tags">Tags:<a href="/t/1">STB</a><a href="/t/2">穩定幣</a><a href="/t/3">支付</a></div>
<div class="dl"><a href="/app">中幣下載</a></div>
<ul class="related">${related}</ul>
<div class="ad">ads</div>
</div>
<div class="side"><h3>熱門文章</h3><ul>${side}</ul></div>
<div class="foot"><a href="/about">關於我們</a> <a href="/contact">聯繫我們</a> <a href="/sitemap.xml">網站地圖</a> Copyright 幣圈快訊網</div>
</body></html>
`;
  return { html, url, essay, injected, headings };
}
