/*
 * The custom Phaser 4 build of Crisis Table (production only; see vite.config.ts).
 *
 * Why: the npm package ships one prebuilt bundle that does not tree-shake (about 353 kB gzip for an
 * empty game). Phaser's CommonJS sources do: a module that is never required is never bundled. So
 * this entry requires only what the scenes use. Game objects, loader file types and scene plugins
 * register themselves when required, so a missing require shows as "this.add.x is not a function"
 * or a missing plugin: the browser tests run against this build to catch that.
 *
 * `@phaser-src` is an alias for node_modules/phaser/src (hidden by the package's exports map).
 */

require('@phaser-src/polyfills/requestVideoFrame');

const CONST = require('@phaser-src/const');
const Extend = require('@phaser-src/utils/object/Extend');

// Order matters: Phaser's CommonJS modules have require cycles. The WebGL batch handlers require the
// renderer index, which requires them: entered from the index, the cycle resolves; entered from a
// handler (as the game core does), a base class is still undefined when a subclass extends it.
require('@phaser-src/renderer');
const Game = require('@phaser-src/core/Game');

// Scene plugins: each registers itself in the PluginCache on require. Listed in DefaultPlugins.
require('@phaser-src/cameras/2d/CameraManager');
require('@phaser-src/data/DataManagerPlugin');
require('@phaser-src/events/EventEmitter');
require('@phaser-src/gameobjects/DisplayList');
require('@phaser-src/gameobjects/UpdateList');
require('@phaser-src/input/InputPlugin');
require('@phaser-src/loader/LoaderPlugin');
require('@phaser-src/scene/ScenePlugin');
require('@phaser-src/time/Clock');
require('@phaser-src/tweens/TweenManager');

// Loader file types register themselves with the loader on require.
const ImageFile = require('@phaser-src/loader/filetypes/ImageFile');
const SVGFile = require('@phaser-src/loader/filetypes/SVGFile');

// Game objects and their factories (this.add.*); factories register on require.
const GameObjects = {
  GameObject: require('@phaser-src/gameobjects/GameObject'),
  GameObjectFactory: require('@phaser-src/gameobjects/GameObjectFactory'),
  GameObjectCreator: require('@phaser-src/gameobjects/GameObjectCreator'),
  Container: require('@phaser-src/gameobjects/container/Container'),
  Graphics: require('@phaser-src/gameobjects/graphics/Graphics'),
  Image: require('@phaser-src/gameobjects/image/Image'),
  Text: require('@phaser-src/gameobjects/text/Text'),
  Rectangle: require('@phaser-src/gameobjects/shape/rectangle/Rectangle'),
  Arc: require('@phaser-src/gameobjects/shape/arc/Arc'),
};
require('@phaser-src/gameobjects/container/ContainerFactory');
require('@phaser-src/gameobjects/graphics/GraphicsFactory');
require('@phaser-src/gameobjects/image/ImageFactory');
require('@phaser-src/gameobjects/text/TextFactory');
require('@phaser-src/gameobjects/shape/rectangle/RectangleFactory');
require('@phaser-src/gameobjects/shape/arc/ArcFactory');

let Phaser = {
  Game,
  Scene: require('@phaser-src/scene/Scene'),
  Scale: require('@phaser-src/scale'),
  Display: { Color: require('@phaser-src/display/color/Color') },
  Math: {
    Clamp: require('@phaser-src/math/Clamp'),
    Linear: require('@phaser-src/math/Linear'),
  },
  Loader: { FileTypes: { ImageFile, SVGFile } },
  GameObjects,
};

// The constants (AUTO, CANVAS, WEBGL, VERSION, ...) live on the namespace, as in the stock bundle.
Phaser = Extend(false, Phaser, CONST);

module.exports = Phaser;
