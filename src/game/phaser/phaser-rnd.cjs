/*
 * The one part of Phaser.Math that Phaser's own core reads: the random generator class, and the seeded generator
 * (RND) that the game's config sets on it and that GetAdvancedValue picks from. Phaser's Config.js and
 * GetAdvancedValue.js require the whole of math/index for it, which bundles every math helper (3D matrices,
 * quaternions, noise: about 10 kB gzip) in the first download; vite.config.ts points those two requires here
 * (issue 18, the first download).
 */
module.exports = {
  RandomDataGenerator: require('@phaser-src/math/random-data-generator/RandomDataGenerator'),
};
