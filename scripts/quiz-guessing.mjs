// How many attempts does pure guessing need to pass a quiz, under each reveal setting?
// A guesser who remembers everything a result tells them (the right answers they hit, the options
// that were wrong) and guesses uniformly among what is left. Monte Carlo over the quiz file.
//   node scripts/quiz-guessing.mjs [quizzes/<id>.yaml] [--draw N] [--runs 20000]
import fs from 'node:fs';
import { parse } from 'yaml';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--') && !/^\d+$/.test(a)) ?? 'content/quizzes/customer-service-basics.yaml';
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? Number(args[i + 1]) : dflt; };
const quiz = parse(fs.readFileSync(file, 'utf8'));
const RUNS = opt('--runs', 20000);
const DRAW = opt('--draw', 4);
const passMark = quiz.passMark ?? 80;

// Every possible answer of a question, and the right one, as strings.
const questions = quiz.questions.map((q) => {
  let choices;
  if (q.type === 'truefalse') choices = ['true', 'false'];
  else if (q.type === 'single') choices = q.options.map((_, i) => String(i));
  else {
    const n = q.options.length;
    choices = [];
    for (let m = 1; m < 1 << n; m++) choices.push([...Array(n).keys()].filter((i) => m & (1 << i)).join(','));
  }
  const right = q.type === 'multiple' ? [...q.answer].sort((a, b) => a - b).join(',') : String(q.answer);
  return { choices, right };
});
const M = questions.length;

function pick(n, k) {
  const idx = [...Array(n).keys()];
  for (let i = n - 1; i > 0; i--) { const j = Math.floor(Math.random() * (i + 1)); [idx[i], idx[j]] = [idx[j], idx[i]]; }
  return idx.slice(0, k);
}

/**
 * reveal: 'explain-gives-answer' (today, when the explanation states the answer), 'wrong' (which were
 * wrong), 'none' (score only). practice: after a failed attempt, the 错题本's questions are practised
 * until right (free, not attempts).
 */
function run({ draw, reveal, practice }) {
  const known = new Map();
  const out = questions.map(() => new Set());
  for (let attempt = 1; attempt < 1000; attempt++) {
    const asked = draw ? pick(M, draw) : [...Array(M).keys()];
    const given = asked.map((i) => {
      if (known.has(i)) return known.get(i);
      const left = questions[i].choices.filter((c) => !out[i].has(c));
      return left[Math.floor(Math.random() * left.length)];
    });
    const right = asked.map((i, k) => given[k] === questions[i].right);
    const score = Math.round((right.filter(Boolean).length / asked.length) * 100);
    if (score >= passMark) return attempt;
    asked.forEach((i, k) => {
      if (reveal === 'none') {
        if (score === 0) out[i].add(given[k]);
        return;
      }
      if (right[k]) known.set(i, given[k]);
      else if (reveal === 'explain-gives-answer' || practice === 'unlimited') known.set(i, questions[i].right);
      else {
        out[i].add(given[k]);
        if (practice === 'once') {
          // One practice guess between attempts (what the core allows for these quizzes).
          const left = questions[i].choices.filter((c) => !out[i].has(c));
          const g = left[Math.floor(Math.random() * left.length)];
          if (g === questions[i].right) known.set(i, g);
          else out[i].add(g);
        }
      }
    });
  }
  return 1000;
}

function stats(cfg) {
  const xs = Array.from({ length: RUNS }, () => run(cfg)).sort((a, b) => a - b);
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  const within3 = xs.filter((x) => x <= 3).length / xs.length;
  return { mean: mean.toFixed(1), median: xs[xs.length >> 1], p90: xs[Math.floor(xs.length * 0.9)], within3: (within3 * 100).toFixed(1) + '%' };
}

console.log(`${file}: ${M} questions, pass mark ${passMark}%, ${RUNS} guessers each`);
const rows = [
  ['all 7, explanations give the answer away (before)', { draw: 0, reveal: 'explain-gives-answer' }],
  ['all 7, which were wrong only', { draw: 0, reveal: 'wrong' }],
  [`draw ${DRAW} of ${M}, which were wrong only`, { draw: DRAW, reveal: 'wrong' }],
  [`draw ${DRAW} of ${M}, score only`, { draw: DRAW, reveal: 'none' }],
  [`draw ${DRAW} of ${M}, which were wrong + 错题本 practice, one try per question between attempts (as built)`, { draw: DRAW, reveal: 'wrong', practice: 'once' }],
  [`draw ${DRAW} of ${M}, which were wrong + unlimited practice (not built: shown for comparison)`, { draw: DRAW, reveal: 'wrong', practice: 'unlimited' }],
];
for (const [name, cfg] of rows) console.log(JSON.stringify({ setting: name, ...stats(cfg) }));
