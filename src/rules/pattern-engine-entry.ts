/**
 * The pattern engine as a script of its own (`pattern-engine.js`, IIFE). The background injects
 * it into a tab before the content script only when the rules for that page hold a regex
 * (`needsPatternEngine`), so pages without one never load re2js. Loading it registers the
 * engine in the isolated world the content script shares.
 */
import './linear-regex.js';
