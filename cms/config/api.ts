export default {
  rest: {
    defaultLimit: 25,
    // The export reads large collections in pages this big: at national scale (~60,000 entries)
    // pages of 100 mean hundreds of extra round trips and populate queries.
    maxLimit: 500,
    withCount: true,
  },
};
