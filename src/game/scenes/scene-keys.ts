/** Scene keys, also written to <body data-scene> by the DOM layer (tests wait on them). */
export const SCENES = {
  preload: 'preload',
  title: 'title',
  perspective: 'perspective',
  briefing: 'briefing',
  situation: 'situation',
  resolution: 'resolution',
  debrief: 'debrief',
} as const;

export type SceneKey = (typeof SCENES)[keyof typeof SCENES];
