/**
 * English function words dropped by `analyze`. Written for this project: articles, pronouns,
 * auxiliaries, prepositions, conjunctions and a few discourse adverbs. Content words that merely
 * happen to be frequent ("use", "result", "study") stay: BM25's IDF already discounts them and a
 * domain may need them. Entries are in analyzed form (lowercase, apostrophes removed).
 */
export const ENGLISH_STOPWORDS: ReadonlySet<string> = new Set(
  `a about above after again against all almost along also although am among an and another any
  are around as at be became because been before being below between both but by can cannot could
  did do does doing done down during each either else enough etc ever every few for from further
  had has have having he her here hers herself him himself his how however i if in into is it its
  itself just least less many may me might more most much must my myself neither no nor not now of
  off often on once only onto or other others otherwise our ours ourselves out over own per perhaps
  quite rather same shall she should since so some such than that the their theirs them themselves
  then there thereby therefore these they this those though through thus to too toward towards
  under unless until up upon us very via was we were what whatever when where whereas whether which
  while who whom whose why will with within without would yet you your yours yourself yourselves
  dont doesnt didnt isnt arent wasnt werent cant couldnt wont wouldnt shouldnt hasnt havent hadnt
  im ive youre youve theyre theyve weve lets thats theres whats`.split(/\s+/),
);
