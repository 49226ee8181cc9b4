/** Words the editor says in more than one place (a kind's form and the settings). */

/** R18: why recording mono matters. */
export const TRANSCRIPTION_WARNING =
  'Without dual channel, recordings are mono: post-call transcription and speech analytics cannot use them.';
