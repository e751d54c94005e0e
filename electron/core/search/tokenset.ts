import lunr from 'lunr';

/** lunr.TokenSet's static constructors, which @types/lunr does not declare */
export const TokenSets = lunr.TokenSet as unknown as {
  fromArray(sortedWords: string[]): lunr.TokenSet;
  fromString(pattern: string): lunr.TokenSet;
  fromFuzzyString(word: string, editDistance: number): lunr.TokenSet;
};
