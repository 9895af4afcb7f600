// Function words carry no evidence that a sentence answers a question. The list is libs/rag's
// (repeated: @ragstream/rag imports @ragstream/llm) plus the request verbs questions open with.
/** English function words ignored when matching questions, answers and source sentences. */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set(
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
  im ive youre youve theyre theyve weve lets thats theres whats tell explain describe`.split(/\s+/),
);
