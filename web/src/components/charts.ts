/** Colours with at least 3:1 contrast on white, for chart marks. */
export const palette = ['#1d5fbf', '#c2410c', '#15803d', '#7e22ce', '#b91c1c', '#0f766e', '#a16207', '#475569', '#be185d'];
