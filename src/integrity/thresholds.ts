/**
 * Every threshold of the integrity checks, in one place, with the reasoning. The checks are
 * warnings for a person to look into, so each is set to stay quiet on ordinary villages (the
 * synthetic demos, whose incomes are drawn from smooth distributions) and to fire on the patterns
 * the seeds warn of (数字增收: identical growth across a village, figures pushed just over a line,
 * implausible jumps, components that do not add up). Change them here and the README's table
 * ("npm run integrity") together.
 */

/** identical_growth (village): most households grew by the same rate or amount. */
export const IDENTICAL_GROWTH = {
  /**
   * Share of the village's compared households inside the fullest window of the tolerances
   * below. Honest growth rates spread over tens of percentage points, so a 0.1-point window
   * holds a few percent of a village at most; half the village in one window means the figures
   * were set, not collected (or carried over unchanged, which is the same window at 0).
   */
  share: 0.5,
  /** Fewer compared households than this and "most of the village" is too few to mean anything. */
  minHouseholds: 10,
  /** Window width for the growth rate of per-capita income (0.001 = 0.1 percentage point). */
  rateTolerance: 0.001,
  /** Window width in yuan for the absolute increase (household net and per capita): whole-yuan rounding. */
  increaseTolerance: 1,
} as const;

/** bunching (village): per-capita incomes piled just above an income line. */
export const BUNCHING = {
  /**
   * Half-width of the bands compared, as a share of the line: [L·(1−band), L) below, [L,
   * L·(1+band)) above. Narrow, so that a smooth density is nearly flat across both bands.
   */
  band: 0.05,
  /**
   * Share of the two bands' households expected above the line for a smooth distribution. Not
   * 0.5: the lines sit in the lower tail, where the density still rises with income; a lognormal
   * with σ = 0.4 at half its median rises ~18% across the two bands (share above ≈ 0.54).
   */
  expectedAbove: 0.55,
  /**
   * One-sided binomial tail probability below which the excess above the line is flagged. Small,
   * because every village × year × line is a test (the Ningxia demo runs ~30,000); at 1e-4 that
   * leaves a few chance flags at most, while 16 households above and none below (p = 0.55^16 ≈
   * 7e-5) is about the smallest pile that fires.
   */
  alpha: 1e-4,
  /** At least this many households in the band above the line. */
  minAbove: 8,
} as const;

/**
 * implausible_jump (household): the Hidiroglou–Berthelot ratio test (Hidiroglou & Berthelot
 * 1986, "Statistical editing and imputation for periodic business surveys", Survey Methodology
 * 12(1)) on per-capita income, year against year before, within a peer group.
 */
export const IMPLAUSIBLE_JUMP = {
  /**
   * U, the size exponent: the centred ratio is scaled by max(x, y)^U so a jump of a large income
   * weighs more than the same ratio of a tiny one (0 ≤ U ≤ 1; 0.5 is the usual choice).
   */
  U: 0.5,
  /**
   * A, the guard against a degenerate spread: the quartile distances are at least |A·E_M|
   * (0.05, as Hidiroglou and Berthelot suggest).
   */
  A: 0.05,
  /**
   * C, the width of the acceptance interval in quartile distances. Statistical offices use 4–7;
   * 7 keeps the Ningxia demo's 200,000 households (whose growth has long but smooth tails)
   * nearly silent, and a household whose income trebles while its village grows 10% still
   * lies far outside.
   */
  C: 7,
  /** A peer group needs this many compared households; a village below it uses its township, then its county. */
  minPeers: 20,
  /**
   * Only rises are flagged (too good is what 数字增收 means; falls are the decline ledger's and
   * the eight causes' business, seed 002 §二(二)), and only a rise of at least this factor over
   * the peers' median ratio, so a tight peer group does not flag ordinary growth.
   */
  minRatioOverMedian: 1.5,
  /** …and of at least this many yuan per person, so a household going from 300 to 900 yuan is not news. */
  minIncrease: 2000,
} as const;

/** components_mismatch (household): the four components do not add up to the stated total. */
export const COMPONENTS_MISMATCH = {
  /** Relative difference |stated − sum| / max(stated, sum) above which it is flagged (1%). */
  relative: 0.01,
  /**
   * …and the absolute difference above this many yuan: four components rounded to the yuan,
   * or a stated per-capita figure rounded to the yuan times persons, differ by a few yuan.
   */
  absolute: 10,
} as const;

/** round_numbers (village): heaping of wage and operating income on round hundreds. */
export const ROUND_NUMBERS = {
  /** The round unit: a value that is a multiple of it counts as round (multiples of 1000 are among them). */
  unit: 100,
  /**
   * Share of round values expected of figures collected to the yuan: the last two digits are
   * near uniform, so 1 in 100. Only wage and operating income are counted: transfers (低保,
   * pensions, subsidies) and property income (dividends, land rent) are set amounts and round by
   * nature; wages and farm income are what a household reports and an official may invent.
   */
  expectedShare: 0.01,
  /** Zeros are not counted (a missing component is 0 and says nothing of rounding). At least this many non-zero values. */
  minValues: 20,
  /**
   * The share must also be at least this: some honest heaping exists (public-job wages paid in
   * round monthly amounts, people telling their wage in round figures), so only a village where
   * a large part of the figures are round is flagged.
   */
  minShare: 0.3,
  /** One-sided binomial tail probability below which it is flagged (a village-by-year test). */
  alpha: 1e-6,
} as const;

/** persons_change (household): household size changing so that per-capita income rises on paper. */
export const PERSONS_CHANGE = {
  /**
   * A household is flagged when its persons fell from one full year to the next while its net
   * income did not fall (within `netTolerance`): every yuan stays and is shared among fewer
   * people, so per-capita income rises by the persons ratio alone. A member who really leaves
   * usually takes an income with them; one who died or married out may not, so this is for a
   * person to check. The statistic is that rise, persons before / persons after − 1; flagged at
   * this or more (a household of ten losing one member is +11%).
   */
  minGain: 0.1,
  /** "Did not fall": the net income of the later year is at least (1 − this) of the earlier (whole-yuan components round). */
  netTolerance: 0.01,
} as const;
