// @ts-check
/**
 * @file The reader's toolbar: the settings toggle (`Aa`), Copy as Markdown,
 * Print, Read aloud (ui/read-aloud.js) and Close, and the settings panel it opens (text size, theme, font,
 * line length, line spacing, letter and word spacing, alignment, images).
 * Builds the elements and reports what the user
 * does; the overlay keeps the settings and applies them.
 *
 * A classic script (after ui/settings.js, ui/strings.js and ui/dom.js);
 * publishes `globalThis.quireToolbar`.
 */

/**
 * @typedef {object} ToolbarOptions
 * @property {() => Settings} current The settings in effect.
 * @property {(delta: Partial<Settings>) => void} change The user changed a setting.
 * @property {() => void} onCopy
 * @property {() => void} onPrint
 * @property {() => void} onClose
 * @property {() => void} [onReadAloud] Read aloud (the button shows only with it).
 * @property {(doc: Document) => HTMLElement[]} [panelRows] More rows for the end of the settings panel.
 * @property {() => void} [onOpenPanel] The settings panel opened (other panels close).
 * @property {(includePage: boolean) => void} [onReport] "Report a problem" (ui/removed.js), when offered.
 */

/**
 * @typedef {object} Toolbar
 * @property {HTMLElement} bar The row of buttons.
 * @property {HTMLElement} tools The group of tool buttons in the bar (more tools go here).
 * @property {HTMLElement} panel The settings panel (hidden at first; its controls are built when it first opens).
 * @property {() => void} closePanel Closes the settings panel.
 * @property {HTMLButtonElement} copy
 * @property {HTMLButtonElement} print
 * @property {HTMLButtonElement | null} readAloud The Read aloud button, when there is read aloud.
 * @property {(settings: Settings) => void} show Shows these settings in the controls.
 */

/**
 * What this file publishes as `globalThis.quireToolbar`.
 * @typedef {object} QuireToolbar
 * @property {(doc: Document, options: ToolbarOptions) => Toolbar} createToolbar
 */

(function (/** @type {any} */ root) {
  if (root.quireToolbar) return;

  /** @type {QuireSettings} */
  const settingsApi = root.quireSettings;
  /** @type {QuireStrings} */
  const { t } = root.quireStrings;
  /** @type {QuireDom} */
  const { el, labelButton, glyphButton } = root.quireDom;

  const PANEL_ID = 'quire-reader-settings';

  /**
   * A labelled `<select>` for one enumerated setting.
   * @param {Document} doc
   * @param {'font' | 'width' | 'lineHeight' | 'theme' | 'letterSpacing' | 'wordSpacing' | 'align'} field
   * @param {Record<string, string>} names Message key of each choice.
   * @param {(delta: Partial<Settings>) => void} change
   */
  function choice(doc, field, names, change) {
    const row = el(doc, 'label', `row ${field}`);
    const select = el(doc, 'select');
    select.name = field;
    for (const value of settingsApi.CHOICES[field]) {
      const option = el(doc, 'option', undefined, t(names[value]));
      option.value = value;
      select.append(option);
    }
    // The user's choice only: a page's synthetic `change` is ignored.
    select.addEventListener('change', (event) => {
      if (event.isTrusted) change({ [field]: select.value });
    });
    row.append(el(doc, 'span', 'label', t(field)), select);
    return { row, select };
  }

  /**
   * The text size row: smaller, the size, larger.
   * @param {Document} doc
   * @param {ToolbarOptions} options
   */
  function sizeControls(doc, { current, change }) {
    const step = settingsApi.FONT_SIZE.step;
    const row = el(doc, 'div', 'row size');
    const label = el(doc, 'span', 'label', t('fontSize'));
    label.id = 'quire-size-label';
    const smaller = glyphButton(doc, 'step smaller', 'A−', t('smaller'), () => change({ fontSize: current().fontSize - step }));
    const value = el(doc, 'output', 'value');
    value.setAttribute('aria-live', 'polite');
    value.setAttribute('aria-labelledby', label.id);
    const larger = glyphButton(doc, 'step larger', 'A+', t('larger'), () => change({ fontSize: current().fontSize + step }));
    const controls = el(doc, 'span', 'controls');
    controls.append(smaller, value, larger);
    row.append(label, controls);
    /** @param {number} size */
    const show = (size) => {
      value.textContent = t('fontSizeValue', size);
      smaller.disabled = size <= settingsApi.FONT_SIZE.min;
      larger.disabled = size >= settingsApi.FONT_SIZE.max;
    };
    return { row, show };
  }

  /**
   * Images on or off: a labelled `<select>` (Show, Hide) for the boolean.
   * @param {Document} doc
   * @param {(delta: Partial<Settings>) => void} change
   */
  function imagesChoice(doc, change) {
    const row = el(doc, 'label', 'row images');
    const select = el(doc, 'select');
    select.name = 'images';
    for (const [value, key] of [['show', 'imagesShow'], ['hide', 'imagesHide']]) {
      const option = el(doc, 'option', undefined, t(key));
      option.value = value;
      select.append(option);
    }
    select.addEventListener('change', (event) => {
      if (event.isTrusted) change({ images: select.value === 'show' });
    });
    row.append(el(doc, 'span', 'label', t('images')), select);
    return { row, select };
  }

  /**
   * The settings panel's container, hidden and empty: its rows are built
   * when it first opens ({@link fillPanel}), not in the click's first frame.
   * @param {Document} doc
   */
  function emptyPanel(doc) {
    const panel = el(doc, 'div', 'panel');
    panel.id = PANEL_ID;
    panel.hidden = true;
    panel.setAttribute('role', 'group');
    panel.setAttribute('aria-label', t('settings'));
    return panel;
  }

  /**
   * Builds the settings panel's rows into `panel`.
   * @param {Document} doc
   * @param {HTMLElement} panel
   * @param {ToolbarOptions} options
   * @returns {(settings: Settings) => void} Shows these settings in the controls.
   */
  function fillPanel(doc, panel, options) {
    const size = sizeControls(doc, options);
    const theme = choice(doc, 'theme', { auto: 'themeAuto', light: 'themeLight', sepia: 'themeSepia', dark: 'themeDark' }, options.change);
    const font = choice(doc, 'font', { serif: 'fontSerif', sans: 'fontSans', legible: 'fontLegible' }, options.change);
    const width = choice(doc, 'width', { narrow: 'widthNarrow', medium: 'widthMedium', wide: 'widthWide' }, options.change);
    const lineHeight = choice(doc, 'lineHeight', { tight: 'lineHeightTight', normal: 'lineHeightNormal', loose: 'lineHeightLoose' }, options.change);
    const spacings = { normal: 'spacingNormal', wide: 'spacingWide', wider: 'spacingWider' };
    const letterSpacing = choice(doc, 'letterSpacing', spacings, options.change);
    const wordSpacing = choice(doc, 'wordSpacing', spacings, options.change);
    const align = choice(doc, 'align', { start: 'alignStart', justify: 'alignJustify' }, options.change);
    const images = imagesChoice(doc, options.change);
    panel.append(theme.row, size.row, font.row, width.row, lineHeight.row, letterSpacing.row, wordSpacing.row, align.row, images.row, ...(options.panelRows?.(doc) ?? []));
    // Show removed blocks, Report a problem (ui/removed.js; not in the playground).
    /** @type {QuireRemoved | undefined} */
    const removedApi = root.quireRemoved;
    const removed = removedApi?.panelRows(doc, options);
    if (removed) panel.append(...removed.rows);
    /** @param {Settings} settings */
    const show = (settings) => {
      removed?.show(settings);
      size.show(settings.fontSize);
      theme.select.value = settings.theme;
      font.select.value = settings.font;
      width.select.value = settings.width;
      lineHeight.select.value = settings.lineHeight;
      letterSpacing.select.value = settings.letterSpacing;
      wordSpacing.select.value = settings.wordSpacing;
      align.select.value = settings.align;
      images.select.value = settings.images ? 'show' : 'hide';
    };
    return show;
  }

  /**
   * @param {Document} doc
   * @param {ToolbarOptions} options
   * @returns {Toolbar}
   */
  function createToolbar(doc, options) {
    const panel = emptyPanel(doc);
    /** Shows settings in the panel's controls, once they are built. @type {((settings: Settings) => void) | null} */
    let showInPanel = null;
    const bar = el(doc, 'div', 'bar');
    const tools = el(doc, 'div', 'tools');
    const toggle = glyphButton(doc, 'tool aa', 'Aa', t('settings'), () => {
      const open = panel.hidden;
      if (open) options.onOpenPanel?.();
      if (open && !showInPanel) {
        showInPanel = fillPanel(doc, panel, options);
        showInPanel(options.current());
      }
      panel.hidden = !open;
      toggle.setAttribute('aria-expanded', String(open));
    });
    const closePanel = () => {
      panel.hidden = true;
      toggle.setAttribute('aria-expanded', 'false');
    };
    toggle.setAttribute('aria-expanded', 'false');
    toggle.setAttribute('aria-controls', PANEL_ID);
    const copy = labelButton(doc, 'tool copy', t('copyMarkdown'), options.onCopy);
    const print = labelButton(doc, 'tool print', t('print'), options.onPrint);
    tools.append(toggle, copy, print);
    /** @type {HTMLButtonElement | null} */
    let readAloud = null;
    if (options.onReadAloud) {
      readAloud = labelButton(doc, 'tool read-aloud-toggle', t('readAloud'), options.onReadAloud);
      readAloud.setAttribute('aria-expanded', 'false');
      // aria-controls once its panel exists (ui/overlay.js builds it on first use).
      tools.append(readAloud);
    }
    // Shows "Close"; named and titled "Close the reader (Esc)".
    const close = labelButton(doc, 'close', t('close'), options.onClose);
    close.title = t('closeTitle');
    close.setAttribute('aria-label', t('closeTitle'));
    bar.append(tools, close);
    /** @param {Settings} settings */
    const show = (settings) => showInPanel?.(settings);
    return { bar, tools, panel, closePanel, copy, print, readAloud, show };
  }

  /** @type {QuireToolbar} */
  const api = Object.freeze({ createToolbar });
  root.quireToolbar = api;
})(globalThis);
