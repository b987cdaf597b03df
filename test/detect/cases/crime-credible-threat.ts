import type { CriterionCases } from './types';

export const cases: CriterionCases = {
  criterion: 'crime-credible-threat',
  flag: [
    { text: "I'm going to kill him tonight", expect: 'going to kill him' },
    { text: "I know where you live and I'm coming with a knife", expect: 'I know where you live' },
    { text: "there's a bomb at the Highcross centre", expect: 'bomb' },
    {
      text: "If he shows his face at the Fosse Park Asda I'll stab him, no joke",
      expect: "I'll stab him",
    },
    { text: 'Gonna torch his car on Friday, watch this space', expect: 'torch his car' },
    {
      text: "@kyle_b_88 you've got till midnight, then I'm putting your windows in and you with them",
      expect: 'putting your windows in',
    },
    { text: "I'm going to shoot up Wyvern College tomorrow", expect: 'shoot up' },
    {
      text: "Next time I see that grass on Mere Road he's getting stabbed",
      expect: 'getting stabbed',
    },
    {
      text: "I've got a blade and I'm waiting outside the Spar on Welford Road for him now",
      expect: 'blade',
    },
    {
      text: "I'm burning the mosque on Sutherland Street down this weekend",
      expect: 'burning the mosque',
    },
    { text: "Tell Marcus I'm coming for him and his family tonight", expect: 'coming for him' },
    {
      text: 'When he gets out I will end him. I know what car he drives.',
      expect: 'I will end him',
    },
    { text: "Someone go and petrol bomb number 14 Elm Road, I'll pay £500", expect: 'petrol bomb' },
    {
      text: "I'm driving my car into the protest on Saturday, they've been warned",
      expect: 'driving my car into the protest',
    },
    {
      text: "There's a device planted in the Haymarket bus station, it goes off at 5",
      expect: 'device planted',
    },
    {
      text: "Last warning Jade, I'm coming to your house tonight and you won't like what happens",
      expect: 'coming to your house tonight',
    },
    { text: "bring ur mates, I'll bring the machete. Victoria Park, 8pm", expect: 'machete' },
    {
      text: 'I will find the officer who arrested my brother and hurt his kids',
      expect: 'hurt his kids',
    },
    { text: 'im gonna batter her when she finishes her shift at the Co-op', expect: 'batter her' },
    {
      text: "If the council don't rehouse me by Monday I'll set fire to the housing office on Charles Street",
      expect: 'set fire',
    },
    {
      text: "the lad in the appeal better know I'm gonna break his legs when I find him, I know he lives in Eyres Monsell",
      expect: 'break his legs',
    },
    { text: "I'll be at the school gates at 3 with a knife for that teacher", expect: 'knife' },
    {
      text: "whoever's got my bike has 24 hours to bring it back or I'm coming round with a bat, I know it's you Connor",
      expect: 'coming round with a bat',
    },
    {
      text: "I swear down I'm going to kill my ex when she gets back from Spain",
      expect: 'going to kill my ex',
    },
    {
      text: "Let's all meet at the Travelodge on Saturday and burn it down with them inside",
      expect: 'burn it down',
    },
    { text: "I'm going to run him over next time I see him on his bike", expect: 'run him over' },
    {
      text: "He's dead tonight. I know he's at his mum's in Thurmaston.",
      expect: "He's dead tonight",
    },
    { text: "I'll throw acid in her face, see how pretty she is then", expect: 'acid' },
    {
      text: "Planning to smash up the synagogue on Sunday, who's in?",
      expect: 'smash up the synagogue',
    },
    { text: "I've got a gun and I'm using it on the next copper who stops me", expect: 'gun' },
    {
      text: 'Pay me the £200 you owe by Friday or your house goes up in flames, Leanne',
      expect: 'goes up in flames',
    },
    {
      text: 'The King Power is going up on match day, bomb is already inside. You have been warned',
      expect: 'bomb',
    },
  ],
  noFlag: [
    {
      text: 'he threatened to kill me last night, what do I do?',
      why: 'a victim reporting a past threat',
    },
    {
      text: "My ex said he'd come round with a knife, I've reported it, crime number 23/44512",
      why: 'a victim reporting a past threat',
    },
    {
      text: "What do I do if someone keeps threatening to burn my car? I'm scared",
      why: 'a victim asking for help',
    },
    { text: 'Man, 34, charged with threatening to kill neighbour', why: 'news-style report' },
    {
      text: 'Police have arrested a man after a suspicious package was found at the bus station',
      why: 'news-style report',
    },
    {
      text: 'Bomb disposal team did a controlled explosion, road now reopened',
      why: 'news-style report',
    },
    { text: "Trial hears defendant told victim 'I know where you live'", why: 'news-style quote' },
    {
      text: 'He was stabbed outside the Spar on Welford Road last year, this area needs more patrols',
      why: 'a past event',
    },
    {
      text: 'There was a bomb scare at Highcross earlier, is it all clear now?',
      why: 'a question about a past event',
    },
    { text: 'Nobody is going to hurt anyone, let us all calm down', why: 'negation' },
    { text: "I'm not going to do anything stupid, I just want him caught", why: 'negation' },
    {
      text: 'Please do not take matters into your own hands, report it to 101',
      why: 'counter-speech',
    },
    { text: 'this traffic is killing me', why: 'figurative' },
    { text: "I'd kill for a coffee right now", why: 'figurative' },
    { text: "Mum's going to kill me when she sees the dent in the car 😬", why: 'figurative' },
    { text: "I'm going to smash this parkrun on Saturday", why: 'figurative' },
    { text: 'That comedian absolutely killed it at the Y Theatre', why: 'figurative' },
    { text: 'The gym will be the death of me', why: 'figurative' },
    { text: 'Going to murder this Sunday roast 🍖', why: 'figurative' },
    { text: 'Death by a thousand roadworks on the A6 😩', why: 'figurative' },
    { text: "I'm going to kill time at the library until the road reopens", why: 'figurative' },
    { text: "We're going to bomb it down the M1 to get to the match 🚗", why: 'slang' },
    { text: 'I was scared to death when the car mounted the pavement', why: 'figurative' },
    { text: 'Whoever did this should be ashamed of themselves', why: 'a vague condemnation' },
    { text: "you're a muppet mate", why: 'a vague insult' },
    {
      text: 'Anyone who threatens kids at the school gates should be locked up',
      why: 'no intent, no target',
    },
    {
      text: "I'll be outside the school at 3 if anyone needs a lift to the vigil",
      why: 'an ordinary plan',
    },
    { text: 'Gun amnesty is a great idea, hand them in', why: 'discussion' },
    { text: 'Knife arches at the Caribbean Carnival this year, sensible move', why: 'discussion' },
    {
      text: "My son's Fortnite squad were 'killing' everyone last night, glad it's just a game",
      why: 'a video game',
    },
    {
      text: 'Stabbing in Highfields last night, please keep your kids in',
      why: 'news-style report',
    },
    {
      text: 'If anyone hurts my kids again I will be straight on to 101',
      why: 'a conditional, but no threat of harm',
    },
  ],
};
