import { sentenceOf } from '../context';
import { fold } from '../normalise';
import { rule, type MatchInput, type RawMatch } from '../rule';
import { protectedNameMatches } from './identify';

/**
 * Contempt of court (previous convictions, implying guilt) and defamation (damaging allegations
 * stated as fact about someone identifiable). Both depend on who is talked about, so both look
 * for a person next to the words that matter, and both stand down for news-style reporting,
 * questions, negation and "innocent until proven guilty".
 */

const PREVIOUS =
  "(?:(?:got|has|have|had|'s|'ve|with) (?:got )?(?:previous|form)(?! (?:experience|owners?|jobs?|employers?|years?|weeks?|days?|months?|posts?|comments?|one|ones|version|record|address|occupants?|tenants?|residents?|appeals?|incidents?|issues?|convictions? (?:quashed|spent)))|(?:criminal|long|police) record|(?:string|list|history|catalogue) of (?:convictions|offences|previous|arrests)|record (?:is )?as long as|(?:only |just )?(?:got|came) out of (?:prison|jail|the nick|nick|jail|young offenders|yoi|the big house)|(?:on|wearing) (?:a |an )?(?:tag|ankle tag|electronic tag)|on (?:licence|license|bail|parole) when|breached (?:his|her|their) (?:bail|licence|license|order|tag)|(?:a |is a |he's a |she's a |known |convicted )(?:known|convicted) (?:thug|drug dealer|dealer|paedo|nonce|rapist|burglar|thief|criminal|offender|sex offender|wife beater|violent)|was convicted of (?:the )?same|the same (?:bloke|guy|man|lad|one|woman|person|fella) who(?: [a-z']+){1,3}|(?:he|she|they|him|her|them|this guy|this man|this woman|this lad|this one|that one|he's|she's|they've|he has|she has|they have|hes|shes) (?:(?:has|have|'s|'ve|has got|have got|got|already|definitely|clearly|obviously) )*(?:got )?(?:previous|form|a record|a long record|a criminal record|a history of|history for|prior convictions|previous convictions|convictions)|(?:previous|prior|past|earlier|other) convictions? (?:for|of)|(?:done|did|served|serving) (?:time|bird|a stretch|porridge|years)|been (?:inside(?= before| already| for | three| twice| loads| many| \\d| more|$|[.!,])|in prison|in jail|in the nick|locked up|to prison|to jail|banged up)(?: before| already| for| three times| twice| loads| many times)?|known to (?:the )?police|out on (?:licence|license|bail|parole)|just got out|(?:not|isn't|wasn't) (?:the|his|her|their) first (?:time|offence)|done (?:it|this|the same|this kind of thing) before|did (?:it|this|the same(?: thing)?) (?:before|last year|last time)|(?:serial|repeat|career|prolific|known) (?:offender|criminal|burglar|thief|abuser|rapist|paedo|nonce|dealer|shoplifter|wife beater)|same (?:bloke|guy|man|lad|one|person) who (?:did|was done for|got done for|was convicted)|already (?:been )?(?:convicted|done for|charged with|jailed for|banned for)|(?:got|was) done for (?:the )?same)";

const GUILT =
  "(?:^guilty(?=[.!]|$)|[a-z]+(?:'s| is|=| =) ?guilty(?! of nothing)|(?:it|that) was (?:him|her|them|defo him|definitely him)(?:,? 100%| for sure| no doubt| definitely)|(?:no need for|why bother with|don't need|dont need|skip) (?:a |the )?(?:jury|trial|court case)|(?:just )?send (?:him|her|them) down|(?:see|watch) [a-z]+ (?:get|getting) sent down|(?:we|everyone) (?:all )?know(?:s)? the truth|everyone knows [a-z]+(?: [a-z]+)? (?:stabbed|killed|did|robbed|attacked|murdered|raped|burgled|hit)|[a-z]+ did it(?:,|\\.| i'd| 100| for sure| no doubt| mate| we all)|i'd put my (?:house|life|money) on it|(?:he|she|they|him|her|them|he's|she's|they're|hes|shes|theyre) (?:is |are |was |'s |'re )?(?:so |obviously |clearly |definitely |100% |totally |completely )?(?:guilty|guilty as sin|guilty as hell)|guilty as (?:sin|hell|charged)|(?:definitely|obviously|clearly|100%|certainly|course|surely|def) (?:did|done) it|(?:we |everyone |we all |u all |you all )?(?:all )?know (?:he|she|they|it was (?:him|her|them)) (?:did|done) (?:it|this)|(?:he|she|they) (?:did|done) it(?! to)|bang to rights|caught red[ -]handed|(?:lock|throw) (?:him|her|them|the [a-z]+) (?:up )?and throw away the key|throw away the key|(?:should|needs to|need to|deserves to|hope (?:he|she|they)) (?:rot|hang|swing|be hanged|be locked up for life|never see daylight)|(?:don't|dont|do not|doesn't) (?:need|even need) a trial|waste of (?:a |time having a )?trial|save (?:the|us) (?:cost of a |the )?trial|(?:no|there's no|there is no) doubt (?:he|she|they|about it)|(?:scum|scumbag|monster|animal|rat) (?:did|done) it|(?:he|she|they|that [a-z]+) (?:is|are|'s) (?:a |the )?(?:killer|murderer|rapist|paedo|nonce|thief|burglar|abuser|dealer|monster|culprit|one who did it)(?![a-z]))";

/** The speaker is being careful, or talking about something the court has already decided. */
const CAREFUL =
  /(?<![a-z])(?:whether (?:he|she|they|or not)|for the (?:jury|court|judge) to|innocent until|presumed innocent|let the court|let the courts|let the jury|leave it to the (?:court|jury|courts)|not for us to|not up to us|allegedly|alleged|if (?:he|she|they) (?:did|is|are|was)|if found guilty|if convicted|found (?:him|her|them )?guilty|was (?:convicted|sentenced|jailed)(?! (?:of|for) (?:the )?same| before| previously| in (?:19|20)\d\d| last year)|were (?:convicted|sentenced|jailed)|has been (?:convicted|sentenced|jailed)|pleaded guilty|pled guilty|admitted|verdict|sentenced to)(?![a-z])/;

const PREVIOUS_RE = new RegExp(`(?:(?<![a-z])|(?='))${PREVIOUS}(?![a-z])`, 'g');
const GUILT_RE = new RegExp(`(?:(?<![a-z])|(?='))${GUILT}`, 'g');

/** Does the text talk about a live case: a listed case, a suspect's name, or charge/court words? */
function caseContext(input: MatchInput): string | null {
  const text = input.folded.text;
  for (const c of input.context.activeCases ?? []) {
    const fc = fold(c).text.trim();
    if (fc.length >= 3 && text.includes(fc)) return ` (active case ${c})`;
  }
  const suspects = protectedNameMatches(input, ['suspect']);
  if (suspects.length > 0) return ` about ${suspects[0]!.vars?.name ?? 'a listed suspect'}`;
  return null;
}

function contemptMatches(input: MatchInput, which: 'previous' | 'guilt'): RawMatch[] {
  const text = input.folded.text;
  const re = which === 'previous' ? PREVIOUS_RE : GUILT_RE;
  const out: RawMatch[] = [];
  const where = caseContext(input);
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const [a, b] = sentenceOf(input.folded, m.index, m.index + m[0].length);
    if (CAREFUL.test(text.slice(a, b))) continue;
    out.push({
      s: m.index,
      e: m.index + m[0].length,
      confidence: where ? 'high' : 'medium',
      vars: { where: where ?? '' },
    });
  }
  return out;
}

/** Allegations that, stated as fact about someone identifiable, are defamatory. */
const ALLEGATION_NOUN =
  "(?:(?<![a-z])(?:is|are|was|were|be|being|r)|'s|'re) (?:a |an |the |known |well known |a known |a well known |a convicted |a fucking |a dirty |a proper |a bloody |all |just |nothing but |a bunch of |a load of |total |complete )*(?:paedo|paedophile|pedo|pedophile|nonce|rapist|thief|thieves|crook|crooks|fraud|frauds|fraudster|fraudsters|drug dealer|drug dealers|dealer|scammer|scammers|con ?man|con men|con artists?|wife beater|abuser|child abuser|murderer|criminal|criminals|crack ?head|smackhead|junkie|pimp|groomer|kiddie fiddler|kiddy fiddler|sex offender|bent|corrupt|benefit cheat|benefits cheat|money launderer|fence|conman|cheat|cheats|racist|liar|cowboys|cowboy builders?|a front for [a-z ]+|fake (?:doctor|nurse|charity|builder)|the one who(?:'s| has)? been [a-z]+ing)(?![a-z])";

const ALLEGATION_VERB =
  "(?<![a-z])(?:(?:deals|sells|dealing|selling|pushes|pushing|grows|growing) (?:drugs|weed|coke|cocaine|crack|heroin|smack|pills|gear|ket|spice)|(?:steals|stole|nicks|nicked|robs|robbed|rips off|ripped off|scams|scammed|fiddles|fiddled|launders|laundered|embezzled|embezzles|defrauded|defrauds|abuses|abused|beats|beat|touches|touched|grooms|groomed|fences|fenced) (?:from |money from )?(?:customers|kids|children|his wife|her husband|his kids|her kids|old people|pensioners|the elderly|the till|the company|everyone|people|them|his missus|his partner|vulnerable)|(?:sells|selling) (?:stolen|knock[ -]off|fake|counterfeit) [a-z]+|(?:runs|is running) (?:a )?(?:brothel|drugs? den|crack den|cannabis farm|scam|puppy farm)|(?:has|have) (?:a )?(?:cannabis farm|weed farm|drug den)|(?:fiddles|fiddled|cooks|cooked|cooking|fiddling) the (?:books|accounts)|(?:takes|took|taking|accepts|accepted) (?:bribes|backhanders|kickbacks|bungs)|(?:burgled|robbed|mugged|broke into|stabbed|assaulted|attacked|raped|abused|ran over|knocked down) (?:my|his|her|their|the|that|a|an|our)(?: [a-z']+){0,3}|(?:hits|hit|beats|slaps|smacks|abuses) (?:the |his |her |their )?(?:children|kids|wife|husband|partner|pupils|residents|patients|dog|dogs)|(?:sets?|set) fire to (?:his|her|their) own(?: [a-z]+)?(?: for the insurance(?: money)?)?|(?:rips?|ripped|ripping) off (?:pensioners|customers|old people|the elderly|everyone|people|vulnerable)|(?:sells?|sold|selling) (?:booze|alcohol|fags|cigarettes|vapes|knives|drugs|weed) to (?:kids|children|minors|underage|\\d+ year olds)|(?:runs?|running|ran) county lines|(?:uses?|using) slave labour|(?:clocks|clocked|clocking) (?:every |the |all )?(?:cars?|miles|mileage)|embezzl(?:ed|es|ing)|(?:launders|laundering|laundered) money|(?:sold|sells|selling) (?:me |us |people )?(?:a |an )?(?:car|cars|phone|phones|bike|bikes) (?:they|he|she) knew (?:was|were) (?:stolen|nicked)|(?:claims|claiming) benefits and works|(?:nicking|stealing|robbing) (?:the |from |people's |cars|catalytic)[a-z ]{0,30}|(?:running|runs|is running|they're running) a scam|keep (?:your|people's|the) deposits?)";

/** Someone identifiable: two capitalised words, an @handle, or "the owner/manager of/at …". */
const NAMED_ORIGINAL =
  /(?:(?<![A-Za-z])[A-Z][a-z]+(?:[ -][A-Z][a-z'-]+){1,2}(?![A-Za-z])|@[A-Za-z0-9_]{2,15}|(?<![A-Za-z])(?:[Tt]he|[Tt]hat) (?:owner|manager|landlord|boss|bloke|guy|man|woman|lad|fella|lady|staff|doctor|teacher|councillor|vicar) (?:of|at|from|who runs|in|that runs|who owns) (?:the )?[A-Za-z0-9'&]+(?: [A-Z][A-Za-z'&]+){0,3}|(?<![A-Za-z])[A-Z][a-z]+ (?:at|from) (?:the )?[A-Z][A-Za-z'&]+(?: [A-Z][A-Za-z'&]+){0,3}|(?<![A-Za-z])(?:[Cc]ouncillor|[Cc]llr|[Mm]r|[Mm]rs|[Mm]s|[Dd]r) [A-Z][a-z]+|(?<![A-Za-z])[A-Z][a-z]+(?:'s)? (?:[A-Z][a-z]+ )?(?:Lettings|Motors|Autos|Garage|Builders|Car Wash|Takeaway|Nursery|Surgery|Cafe|Café|Bar|Salon|Barbers|Kebabs?|Pizza|Ltd|Limited|Estates|Plumbing|Electrical|Roofing|Removals|Taxis?|Cars)|(?<![A-Za-z])[Tt]he (?:head|owner|manager|boss|landlord|landlady) of (?:the )?[A-Z][A-Za-z'&]+(?: [A-Z][A-Za-z'&]+){0,3})/g;

const NOT_NAMES = new Set([
  'The Police',
  'Leicestershire Police',
  'Crown Court',
  'Magistrates Court',
  'Police Scotland',
  'Good Morning',
  'Happy Birthday',
  'Merry Christmas',
  'Thank You',
  'Well Done',
]);

const DEFAMATION_CAREFUL =
  /(?<![a-z])(?:allegedly|alleged|accused of|charged with|arrested (?:for|on suspicion)|on suspicion|court heard|appeared at|denies|denied|is due to appear|pleaded|was convicted|were convicted|found guilty|if (?:he|she|they)|i think|i heard|rumour|rumours|apparently|not saying)(?![a-z])/;

const ALLEGATION_NOUN_RE = new RegExp(`(?:(?<![a-z])|(?='))${ALLEGATION_NOUN}`, 'g');
const ALLEGATION_VERB_RE = new RegExp(ALLEGATION_VERB, 'g');

function defamationMatches(input: MatchInput, ALLEGATION_RE: RegExp): RawMatch[] {
  const f = input.folded;
  const text = f.text;
  const out: RawMatch[] = [];
  ALLEGATION_RE.lastIndex = 0;
  let named: Array<[number, number, string]> | null = null;
  for (let m = ALLEGATION_RE.exec(text); m !== null; m = ALLEGATION_RE.exec(text)) {
    const [a, b] = sentenceOf(input.folded, m.index, m.index + m[0].length);
    const sentence = text.slice(a, b);
    if (DEFAMATION_CAREFUL.test(sentence) || /\?\s*$/.test(sentence)) continue;
    if (named === null) {
      named = [];
      NAMED_ORIGINAL.lastIndex = 0;
      for (
        let n = NAMED_ORIGINAL.exec(f.original);
        n !== null;
        n = NAMED_ORIGINAL.exec(f.original)
      ) {
        if (NOT_NAMES.has(n[0])) continue;
        named.push([n.index, n.index + n[0].length, n[0]]);
      }
      for (const p of protectedNameMatches(input, [
        'victim',
        'witness',
        'suspect',
        'officer',
        'protected-by-order',
      ])) {
        named.push([f.starts[p.s] ?? 0, f.ends[p.e - 1] ?? 0, p.vars?.name ?? '']);
      }
    }
    // The person must be in the same sentence, before the allegation (the subject of it).
    const sOrig = f.starts[a] ?? 0;
    const mOrig = f.starts[m.index] ?? 0;
    const who = named.find(([ns, ne]) => ns >= sOrig && ne <= mOrig + 1);
    if (!who) continue;
    // Sentence-initial single capitalised words are not names; two words or a handle are.
    out.push({ s: m.index, e: m.index + m[0].length, vars: { who: who[2] } });
  }
  return out;
}

export const courtRules = [
  rule({
    id: 'contempt.previous-convictions',
    contextual: true,
    anchors: [
      'bird',
      'stretch',
      'porridge',
      'years',
      'young',
      'yoi',
      'last',
      'previous',
      'form',
      'record',
      'records',
      'convictions',
      'conviction',
      'convicted',
      'history',
      'string',
      'list',
      'catalogue',
      'known',
      'tag',
      'licence',
      'license',
      'bail',
      'parole',
      'breached',
      'first',
      'before',
      'serial',
      'repeat',
      'career',
      'prolific',
      'same',
      'already',
      'inside',
      'prison',
      'jail',
      'nick',
      'locked',
      'banged',
      'time',
    ],
    kind: 'custom',
    criterion: 'contempt-of-court',
    confidence: 'medium',
    suppress: ['negation', 'quoted', 'question'],
    explain:
      "Talks about previous convictions or bad character{where}: '{excerpt}' – could bias a jury",
    match: (input) => contemptMatches(input, 'previous'),
    examples: {
      flag: [
        "He's got previous for this, been inside three times",
        'known to police, not his first time',
        { text: 'R v Mills: he has done time before', context: { activeCases: ['R v Mills'] } },
      ],
      noFlag: ['Innocent until proven guilty, let the court decide', 'Has he got previous?'],
    },
  }),
  rule({
    id: 'contempt.implies-guilt',
    contextual: true,
    anchors: [
      '100',
      'sure',
      'definitely',
      'house',
      'life',
      'money',
      'guilty',
      'did',
      'done',
      'jury',
      'trial',
      'court',
      'send',
      'sent',
      'truth',
      'knows',
      'key',
      'rot',
      'hang',
      'swing',
      'hanged',
      'locked',
      'daylight',
      'doubt',
      'rights',
      'red-handed',
      'handed',
      'killer',
      'murderer',
      'rapist',
      'paedo',
      'nonce',
      'thief',
      'burglar',
      'abuser',
      'dealer',
      'monster',
      'culprit',
    ],
    kind: 'custom',
    criterion: 'contempt-of-court',
    confidence: 'medium',
    suppress: ['negation', 'quoted', 'question'],
    explain: "Says or implies guilt before the court has decided{where}: '{excerpt}'",
    match: (input) => contemptMatches(input, 'guilt'),
    examples: {
      flag: [
        'He definitely did it',
        'guilty as sin, lock him up and throw away the key',
        'we all know he did it',
      ],
      noFlag: [
        'He was found guilty at Leicester Crown Court today',
        "I'm not saying he did it",
        'Did he do it?',
      ],
    },
  }),
  rule({
    id: 'defamation.allegation-as-fact',
    contextual: true,
    anchors: [
      'paedo*',
      'pedo*',
      'nonce*',
      'rapist*',
      'thie*',
      'crook*',
      'fraud*',
      'dealer*',
      'scam*',
      'con',
      'conman',
      'conmen',
      'cons',
      'wife',
      'abus*',
      'murderer*',
      'criminal*',
      'crack*',
      'smackhead*',
      'junkie*',
      'pimp*',
      'groom*',
      'kiddie',
      'kiddy',
      'sex',
      'bent',
      'corrupt',
      'benefit*',
      'launder*',
      'fence*',
      'cheat*',
      'racist*',
      'liar*',
      'cowboy*',
      'front',
      'fake',
      'one',
    ],
    kind: 'custom',
    criterion: 'defamatory',
    confidence: 'medium',
    suppress: ['negation', 'quoted', 'news', 'question'],
    explain: "States an allegation as fact about {who}: '{excerpt}'",
    match: (input) => defamationMatches(input, ALLEGATION_NOUN_RE),
    examples: {
      flag: ['Dave Morris is a paedo', "Pearson's Builders are cowboys"],
      noFlag: ['John Smith is not a thief', 'There are thieves around here'],
    },
  }),
  rule({
    id: 'defamation.criminal-act-as-fact',
    contextual: true,
    anchors: [
      'deal*',
      'sell*',
      'sold',
      'push*',
      'grow*',
      'steal*',
      'stole',
      'nick*',
      'rob*',
      'rip*',
      'fiddl*',
      'embezzl*',
      'defraud*',
      'abus*',
      'beat*',
      'touch*',
      'groom*',
      'fence*',
      'brothel',
      'den',
      'farm',
      'cannabis',
      'weed',
      'drug',
      'cook*',
      'bribe*',
      'backhander*',
      'kickback*',
      'bung*',
      'burgl*',
      'mug*',
      'broke',
      'stab*',
      'assault*',
      'attack*',
      'rape*',
      'raped',
      'knock*',
      'hit*',
      'slap*',
      'smack*',
      'set*',
      'county',
      'slave',
      'clock*',
      'claim*',
      'deposit*',
      'launder*',
      'scam*',
      'nicking',
      'stealing',
      'robbing',
      'stolen',
      'knew',
      'ran',
    ],
    kind: 'custom',
    criterion: 'defamatory',
    confidence: 'medium',
    suppress: ['negation', 'quoted', 'news', 'question'],
    explain: "States an allegation as fact about {who}: '{excerpt}'",
    match: (input) => defamationMatches(input, ALLEGATION_VERB_RE),
    examples: {
      flag: [
        'The manager at Quick Fix Garage steals from customers',
        '@jbloggs deals drugs from his flat',
      ],
      noFlag: ['Dave Morris has been charged with fraud', 'Someone stole my bike'],
    },
  }),
];
