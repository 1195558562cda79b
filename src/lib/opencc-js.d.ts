/** opencc-js ships its dictionaries as modules of text (`from to|from to|…`) without types. */
declare module 'opencc-js/dict/TSCharacters' {
  const dictionary: string;
  export default dictionary;
}
