import type { CriterionCases } from './types';

const arson = 'Why has nobody been arrested for the Braunstone fire yet??';

export const cases: CriterionCases = {
  criterion: 'spam',
  flag: [
    { text: 'DM me for cheap followers 🔥🔥', expect: 'cheap followers' },
    { text: 'Earn £500 a day from home, message me for details', expect: 'Earn £500 a day' },
    { text: 'Check out my page for the best deals on trainers 👟', expect: 'Check out my page' },
    { text: 'https://bit.ly/3xYz9Qp watch the full video here', expect: 'https://bit.ly/3xYz9Qp' },
    {
      text: 'Full story here: www.leicester-truth-news.com/police-coverup',
      expect: 'www.leicester-truth-news.com',
    },
    {
      text: 'I made £3,200 this week trading crypto with Mrs Helen Carter, contact her on WhatsApp',
      expect: 'crypto',
    },
    { text: 'GIVEAWAY!! Follow and share to win an iPhone 15 🎁', expect: 'GIVEAWAY' },
    { text: 'Bitcoin investment opportunity, 10x returns guaranteed, inbox me', expect: 'Bitcoin' },
    {
      text: 'Need a solicitor? Visit cheap-legal-help.co.uk today',
      expect: 'cheap-legal-help.co.uk',
    },
    { text: arson, context: { recentByAuthor: [arson] }, why: 'the same text posted again' },
    {
      text: 'why has nobody been arrested for the braunstone fire yet',
      context: { recentByAuthor: ['Any news on my stolen bike?', arson] },
      why: 'nearly the same text as an earlier one',
    },
    {
      text: 'Answer my question. Who is investigating my car theft? Answer me.',
      context: {
        recentByAuthor: ['Answer my question!! Who is investigating my car theft? answer me'],
      },
      why: 'nearly the same text as an earlier one',
    },
    {
      text: 'CORRUPT POLICE FORCE',
      context: { recentByAuthor: ['CORRUPT POLICE FORCE', 'CORRUPT POLICE FORCE'] },
      why: 'the same text posted again and again',
    },
    {
      text: "Please share, my nan's cat Biscuit is still missing from Wigston",
      context: {
        recentByAuthor: ['Please share, my nans cat Biscuit is still missing from Wigston 😿'],
      },
      why: 'a sympathetic message, but posted again nearly word for word',
    },
    { text: 'Best CBD oils in the UK, link in bio 🌿', expect: 'link in bio' },
    {
      text: 'Sugar daddy looking for a sugar baby, £1000 weekly allowance, DM',
      expect: 'Sugar daddy',
    },
    { text: 'Watch live football free at streamzone.tv', expect: 'streamzone.tv' },
    { text: 'Follow @leics_deals_daily for bargains!!', expect: '@leics_deals_daily' },
    { text: 'Subscribe to my YouTube channel for police chase videos 🚔🎥', expect: 'Subscribe' },
    {
      text: 'Get your Ring doorbell 50% off here → http://amzn.to/4abcXyZ',
      expect: 'http://amzn.to/4abcXyZ',
    },
    {
      text: 'Work from home opportunity! No experience needed, earn up to £4k a month',
      expect: 'Work from home',
    },
    {
      text: 'Free money!! Claim your £750 cost of living grant at govsupport-claim.com',
      expect: 'govsupport-claim.com',
    },
    {
      text: 'Cash for cars, any condition, best prices in Leicester, PM me',
      expect: 'Cash for cars',
    },
    {
      text: 'Forex signals group, 90% win rate, join via t.me/fxkingsuk',
      expect: 't.me/fxkingsuk',
    },
    {
      text: 'Click here to claim your free Tesco voucher 👉 tesco-rewards-uk.net',
      expect: 'tesco-rewards-uk.net',
    },
    {
      text: 'Fast payday loans approved in 5 mins, apply at quickcashnow.co.uk',
      expect: 'quickcashnow.co.uk',
    },
    { text: 'Buy 1000 Instagram likes for £2.99', expect: 'Instagram likes' },
    { text: 'Check out my OnlyFans 😘 link in my bio', expect: 'OnlyFans' },
    {
      text: 'Need followers? We grow your account organically, DM for prices',
      expect: 'DM for prices',
    },
    {
      text: 'youtube.com/watch?v=abc123 my dashcam of the crash, please like and subscribe',
      expect: 'youtube.com',
    },
    {
      text: 'Locked out? Call Keys4U 24/7 locksmith, no call out fee, cheapest in Leicester',
      expect: 'no call out fee',
    },
    {
      text: 'Our shop on Granby Street has 20% off everything this weekend, come down!',
      expect: '20% off',
    },
  ],
  noFlag: [
    { text: 'Report it at police.uk', why: 'police.uk' },
    { text: 'You can report it online at www.leics.police.uk/report', why: "the force's own site" },
    {
      text: 'More info on what victims are entitled to at https://www.gov.uk/guidance/victims-code',
      why: 'gov.uk',
    },
    { text: "Please share this appeal, she's only 14", why: 'sharing an appeal is not promotion' },
    {
      text: 'Share share share! Let us get this lad home',
      why: 'sharing an appeal is not promotion',
    },
    { text: "Shared. Hope she's found safe x", why: 'sharing an appeal is not promotion' },
    {
      text: 'has anyone seen this dog? Brown Staffy, answers to Rocky',
      why: 'a first message with no link',
    },
    { text: arson, why: 'a first message with no link' },
    {
      text: 'Thanks for the update on the fire',
      context: { recentByAuthor: [arson] },
      why: 'a different message by the same author',
    },
    {
      text: "Found him! He's home safe, thank you everyone 💙",
      context: { recentByAuthor: ['Any news on the missing lad from Hinckley?'] },
      why: 'a different message by the same author',
    },
    {
      text: 'Thank you for the quick response last night',
      context: {
        recentByAuthor: ['Road closed again on the A47??', 'Any update on my crime number?'],
      },
      why: 'a different message by the same author',
    },
    { text: 'Same thing happened on our street last week', why: 'a first message with no link' },
    {
      text: 'Reposting because it matters: do not leave your keys near the front door',
      why: 'a first message with no link',
    },
    {
      text: 'Check your sheds and garages tonight, there has been a spate of break-ins',
      why: '"check" without promotion',
    },
    { text: 'Follow the diversion signs via Groby Road', why: '"follow" without promotion' },
    {
      text: 'Follow @leicspolice for live updates during the match',
      why: "the force's own account",
    },
    {
      text: 'Free bike marking at the Asda car park Saturday 10-2, run by the neighbourhood team',
      why: 'a community event, not a giveaway',
    },
    {
      text: 'I won a raffle prize at the police open day, thank you!',
      why: 'a community event, not a giveaway',
    },
    {
      text: 'Crypto scams are everywhere, my dad lost £4,000 to one. Please warn your parents.',
      why: 'a warning about scams',
    },
    {
      text: 'Watch out for the fake HMRC calls going round, just hang up!',
      why: 'a warning about scams',
    },
    {
      text: 'Has this been reported to Action Fraud? That is the place for online scams',
      why: 'advice',
    },
    {
      text: 'My cousin works in cyber security and says never click links in texts claiming to be from the bank',
      why: 'advice',
    },
    { text: 'Crimestoppers 0800 555 111, 100% anonymous', why: "the force's own numbers" },
    {
      text: "The link in the post doesn't work for me, can you repost it?",
      why: 'talk about a link without one',
    },
    {
      text: 'Does anyone know a good locksmith? Mine got snapped in the burglary',
      why: 'asking for help, not promoting',
    },
    { text: 'Great job catching the man who scammed my nan out of her savings', why: 'praise' },
    {
      text: "DM'd you the dashcam footage as requested",
      why: 'a reply to the force, not promotion',
    },
    {
      text: 'Great community event at Abbey Park today, thanks to all the officers who came',
      why: 'praise',
    },
    {
      text: 'The Neighbourhood Watch Facebook group is really good for local updates',
      why: 'no link, no money',
    },
    { text: 'Shared to our village Facebook group 👍', why: 'sharing an appeal is not promotion' },
    {
      text: 'My son just got his first job at the Tesco on Narborough Road, so proud',
      why: 'no link, no money',
    },
    {
      text: 'Is the Give Way sign on Anstey Lane ever getting fixed?',
      why: 'an ordinary word, not a giveaway',
    },
  ],
};
