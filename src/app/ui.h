// The annotator's user interface drawn with Dear ImGui: one call per frame draws every
// panel from AppState. Layer: app (ImGui only; the platform owns the window and the GPU).
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "app/app_state.h"
#include "app/document_layout.h"

struct ImFont;
struct ImDrawList;

namespace glosa::app {

// Fonts and caches the panels keep between frames.
struct UiResources {
  ImFont* ui_font = nullptr;     // panels, buttons
  ImFont* text_font = nullptr;   // the article
  ImFont* tag_font = nullptr;    // label tags inside highlights (bold, small)
  ImFont* title_font = nullptr;  // the document title and start screen heading
  float scale = 1.0f;            // device pixels per CSS pixel: everything is sized by it

  // The document's lazy layout (app/document_layout.h), keyed by document, revision,
  // width and hidden labels.
  DocumentLayout layout;

  float doc_origin_x = 0;        // screen position of the text's top-left in the last frame
  float doc_origin_y = 0;        // (layout coordinates + origin = screen coordinates)
  float doc_line_height = 0;
  float doc_wrap_width = 0;      // width of the text column
  float doc_scroll_y = 0;        // the document view's scroll position, last frame
  float doc_scroll_max_y = 0;
  float doc_view_top = 0;        // screen y range of the document view, last frame
  float doc_view_bottom = 0;
  float doc_header_h = 0;        // height of the article header and the margin above it
  uint64_t doc_header_key = 0;   // the DocumentSession::key whose header that is
  // Scroll anchoring (document_view.cpp): a paragraph near the top of the view and its top
  // in layout coordinates; when layout moves it, the view moves with it.
  uint64_t anchor_text = 0;      // the DocumentSession::key the anchor belongs to
  int anchor_paragraph = -1;
  float anchor_top = 0;

  // Scrolling that arrives from the platform between frames (mouse wheel, trackpad, touch),
  // in pixels of the window, positive = content moves up (the view goes down). Applied to
  // the scrollable panel under the pointer at the start of the next frame.
  float pending_scroll_x = 0;
  float pending_scroll_y = 0;

  uint64_t glyph_check_key = 0;  // the document whose characters were checked against the font
  size_t missing_glyphs = 0;     // its characters the font has no glyph for
  // A narrow window (a phone): panels slide over the text, the toolbar is a menu.
  bool compact = false;
  // The toolbar is a menu too in a window that is wider but still too narrow for all its
  // buttons (a tablet held upright): toolbar_width is what the full toolbar took when last
  // drawn, in unscaled pixels (0 before it was ever drawn).
  bool compact_toolbar = false;
  float toolbar_width = 0;
  bool show_side_panel = false;  // compact: the entities and quotations panel is showing
  std::string status_whole;      // the status line's part a click opened whole
  // The Documents panel (the collection) on the left.
  bool show_documents = false;
  bool documents_shown_once = false;  // opened by itself when a second document arrived
  bool confirm_clear = false;         // the "Clear local data" confirmation is open
  bool confirm_forget = false;        // the "Forget what was taught" confirmation is open
  unsigned choice_question = 0;       // the question whose buttons the keyboard's ring is on (choice_buttons)
  int choice_focus = 0;               // the button with the ring
  // The command palette (Ctrl+K, command_palette.cpp): shown, what was typed, the
  // highlighted row, and one-shots to focus the field and to scroll the row into view.
  bool show_palette = false;
  std::string palette_query;
  int palette_cursor = 0;
  bool palette_focus = false;
  bool palette_caret_to_end = false;  // given the keys back: the caret at the end, nothing selected
  bool palette_scroll = false;
  int menu_document = -1;             // row whose menu is open
  float documents_footer = 0;         // the Documents panel footer's height last frame (0: not yet laid out)
  float review_bar_height = 0;        // the review line's height last frame (it wraps when narrow)
  float find_bar_height = 0;          // the find bar's, likewise

  std::string entity_filter;     // the side panel's search box (entities and quotations)
  int hovered_entity = -1;       // entity under the mouse in the text this frame
  int hovered_quote_bar = -1;    // quotation whose margin bar or text is under the mouse
  int panel_hovered_group = -1;  // group row under the mouse in the side panel (last frame)
  int panel_hovered_quote = -1;  // quotation row under the mouse in the side panel (last frame)

  // Corrections in the text (app/editing.h): the entity whose menu is open (right-click),
  // the words being selected with the mouse (fragments, anchor and current end), and the
  // span waiting in the "Tag as" menu.
  int menu_entity = -1;
  FragmentRef select_anchor;     // fragment where the left button went down, none = not held
  FragmentRef select_current;    // fragment under the mouse while it is held
  bool selecting = false;        // the mouse moved away from the anchor: a selection
  bool select_exact = false;     // Alt was held: exact characters, not whole words
  size_t select_anchor_byte = 0; // where the button went down, as a character boundary
  size_t tag_begin = 0;          // bytes the "Tag as" menu would tag
  size_t tag_end = 0;
  // The menus (menus.cpp), opened at the frame's top level: which one to open next frame,
  // the highlighted item, the menu's page (0 main, 1 "label all", 2 "merge into"), its filter.
  std::string request_menu;      // "entity-menu", "tag-menu", "group-menu", "speaker-menu"
  bool menu_at_selection = false;  // open under the selected entity (keyboard), not the mouse
  std::string menu_button;         // open below this named item (item_rects), not the mouse
  std::string menu_place_for;      // the popup that opens at menu_place (its first frame)
  std::array<float, 2> menu_place{0, 0};
  int menu_cursor = 0;
  int menu_count = 0;            // items in the menu last frame
  float menu_width = 0;          // its widest item last frame
  int menu_page = 0;
  std::string menu_filter;
  bool menu_focus_filter = false;
  int menu_group = -1;           // group whose row menu is open
  int menu_quote = -1;           // quotation whose speaker menu is open
  bool show_shortcuts = false;   // the "?" overlay
  // What a screen reader should hear of the part drawn only on the canvas that has the keys:
  // a menu's highlighted item ("Entity menu: Accept, A, 1 of 14"), the palette's row, the
  // find bar's count, the "?" overlay. Made again every frame by that part; empty when none.
  // The web platform speaks it when it changes (an assertive live region).
  std::string spoken;
  bool show_labels_editor = false;  // the label set editor
  uint64_t label_edit_revision = ~0ull;  // the editor's buffers (labels_editor.cpp)
  std::vector<std::string> label_names;
  std::vector<std::string> label_descriptions;
  std::string label_color_edit;
  std::string new_label_name;
  // Key codes of keys ImGui names no constant for (letters and digits are their ASCII
  // codes on every backend the app runs on); the platform fills these in.
  bool find_field_active = false;  // the find bar's field had the keyboard last frame
  int key_f10 = -1;
  int key_menu = -1;

  // Side panel state, reset when another document opens (panel_revision).
  uint64_t panel_revision = ~0ull;
  std::set<std::string> expanded_groups;  // ids of groups whose mentions are listed
  bool other_entities_open = true;        // the "Other entities" section
  bool rejected_open = false;             // the "Rejected" section
  int scroll_list_to_group = -1;          // one-shot: bring this group's row into view
  int scroll_list_to_quote = -1;          // one-shot: bring this quotation's row into view
  int list_seen_selection = -1;           // selected entity the entity list last followed
  int list_seen_quote = -1;               // selected quotation the quotes list last followed
  std::string request_tab;                // one-shot: "entities" or "quotes" becomes the tab
  // The side panel's lists, rebuilt only when what they show changed (the document, the
  // filter, hidden labels, open groups, the width): a frame's work follows what is visible.
  std::string entity_rows_key;
  std::vector<std::array<int, 3>> entity_rows;  // {kind, index, note} (entity_panel.cpp)
  std::string quote_rows_key;
  std::vector<int> quote_rows;                  // quotations listed, in order
  std::vector<std::string> quote_snippets;      // their snippets
  std::vector<float> quote_tops;                // their rows' tops in the list, plus the end
  std::string active_tab = "entities";    // the tab shown in the last frame

  // Screen rectangles {x0, y0, x1, y1} of named rows drawn this frame, for tests and
  // automation: "label:<name>", "group:<id>", "group-toggle:<id>", "group-link:<id>", "mention:<id>",
  // "entity:<id>", "quote:<id>", "tab:entities", "tab:quotes", "other-entities", and in the
  // correction menus "menu-label:<name>", "menu-accept", "menu-remove", "tag-label:<name>".
  std::map<std::string, std::array<float, 4>> item_rects;
};

// Loads the UI fonts at `scale` (device pixel ratio) from TTF files. Covers Latin (with
// Polish), Latin Extended, Cyrillic, general punctuation („ ” – …) and currency symbols.
// Returns false if a font file cannot be read (ImGui's default font is used then).
bool setup_fonts(UiResources& ui, const std::string& regular_ttf, const std::string& bold_ttf,
                 float scale);

// True when the UI's fonts have a glyph for code point `c` (setup_fonts' ranges).
bool font_has_glyph(char32_t c);

// Colours and spacing of the light theme, sized by `scale`.
void apply_theme(float scale);

// Draws one frame of the whole UI into the current ImGui frame (full viewport).
void draw_frame(AppState& state, UiResources& ui);

// Panels, each drawn inside the layout that draw_frame sets up.
void draw_toolbar(AppState& state, UiResources& ui);
void draw_document_view(AppState& state, UiResources& ui);
void draw_side_panel(AppState& state, UiResources& ui);
void draw_status_bar(AppState& state, UiResources& ui);
// The status bar's height in lines: 2 on a phone with a message (the message gets a line of
// its own), else 1.
int status_bar_lines(const AppState& state, const UiResources& ui);
// The collection: one row per document with its status, progress and counts (documents_panel.cpp).
void draw_documents_panel(AppState& state, UiResources& ui);
// Inside the side panel's tabs: the entity groups with their mentions and the other
// entities (entity_panel.cpp); the quotations (quotes_panel.cpp). Each fills the space left.
void draw_entity_panel(AppState& state, UiResources& ui);
void draw_quotes_panel(AppState& state, UiResources& ui);
// Inside the document view, above the text: title and the muted facts line. Draws at
// (ui.doc_origin_x, current cursor y) within ui.doc_wrap_width and leaves the cursor below
// itself; draws nothing when there is neither a title nor a fact.
void draw_article_header(AppState& state, UiResources& ui);

// The tooltip of quotation `index`: speaker, the words naming them, verb, attribution kind
// and confidence, a warning when the speaker is a guess (quotes_panel.cpp). `in_text`: shown
// over the document (its footer then says a click selects it, not that it shows it).
void draw_quote_tooltip(AppState& state, int index, bool in_text);

// Opens `popup` ("entity-menu" for ui.menu_entity, "tag-menu", "group-menu" for
// ui.menu_group, "speaker-menu" for ui.menu_quote) in the next frame, under the selected
// entity when `at_selection` (opened by a key), else at the mouse.
// `button`: the named item (item_rects) that opened it: the menu opens below it (and below
// the find bar, for the find bar's buttons).
void open_menu(UiResources& ui, const std::string& popup, bool at_selection = false, const std::string& button = "");
// Draws whichever menu is open (menus.cpp); called once per frame at the top level.
void draw_menus(AppState& state, UiResources& ui);
// The questions asked before what cannot be undone (Clear local data, Forget what was
// taught; documents_panel.cpp), drawn at the frame's top level.
void draw_confirmations(AppState& state, UiResources& ui);
// The command palette (Ctrl+K): every command by name (app/commands.h), ↑ ↓ Enter to run.
void draw_command_palette(AppState& state, UiResources& ui);
// The keys of review and navigation (keyboard.cpp): Tab, Enter, X, digits, edges, R, Esc,
// the menu key, "?". Read once per frame, when no text field and no menu has the keys.
void handle_keyboard(AppState& state, UiResources& ui);
// Whether handle_keyboard takes a Tab (Shift+Tab with `shift`): a field or a menu has the
// keys, or there is an entity to move to. When it would not, the page lets the browser move
// the focus out of the canvas.
bool keyboard_takes_tab(const AppState& state, bool shift);
// The "?" overlay listing every shortcut, and the label set editor (keyboard.cpp, labels_editor.cpp).
void draw_shortcuts(AppState& state, UiResources& ui);
void draw_labels_editor(AppState& state, UiResources& ui);
// The comparison bar above the text (compare_bar.cpp, app/exchange.h).
void draw_compare_bar(AppState& state, UiResources& ui);
// The find bar above the text (find_bar.cpp, app/find.h).
void draw_find_bar(AppState& state, UiResources& ui);
// The review line above the text: progress, Accept all remaining, leave (review.h).
void draw_review_bar(AppState& state, UiResources& ui);

// Screen rectangle of a named row drawn in the last frame (see UiResources::item_rects).
bool item_screen_rect(const UiResources& ui, const std::string& name, float rect[4]);

// Records the last ImGui item's rectangle under `name` in ui.item_rects.
void record_item_rect(UiResources& ui, const std::string& name);

// Places the next item on the same line when `width` still fits there, else on the next
// (rows of buttons in a narrow panel or column). button_width: a button's width for `label`.
void same_line_or_wrap(float width);
float button_width(const char* label);

// The buttons of a question (a modal) in one row, answerable from the keyboard: ← → or Tab
// move a ring between them, Enter or Space presses the one with the ring, which starts on
// `initial` (the safe answer); Esc presses `on_escape` (-1: nothing). `rect`: the name the
// button's rectangle is recorded under (record_item_rect), or null. Returns the index of the
// button pressed this frame, or -1.
struct Choice {
  const char* label;
  const char* rect;
};
int choice_buttons(UiResources& ui, const Choice* choices, int count, int initial, int on_escape);

// Inside a popup or menu: Esc closes it, as every menu does (Dear ImGui 1.86 leaves a
// non-modal popup open on Esc). Not while a text field has the keys: Esc leaves the field.
void close_popup_on_escape();

// Draws `text` in one line at `pos`, no wider than max_width: a longer text is cut at a
// character boundary and ends in "…". Returns the width drawn (0 for max_width <= 0).
float draw_text_ellipsis(ImDrawList* draw_list, ImFont* font, float size, float x, float y,
                         float max_width, uint32_t color, std::string_view text);

// `text` as draw_text_ellipsis would show it in max_width: whole, or cut and ending in "…";
// empty when not even "…" fits.
std::string fit_text(ImFont* font, float size, float max_width, std::string_view text);

// Width of `text` in `font` at its size.
float text_width(ImFont* font, std::string_view text);

// `text` made safe and short for a one-line label: at most `max_codepoints` code points
// (then "…"), line breaks and tabs as spaces. ImGui lays out every character it is given,
// even clipped ones, so no string of unknown length reaches it whole.
std::string display_text(std::string_view text, size_t max_codepoints = 200);

// Applies ui.pending_scroll_x/y to the scrollable window under the mouse (or the nearest
// scrollable window that holds it), then clears them. Called at the start of a frame.
void apply_pending_scroll(UiResources& ui);

// True while the UI animates or waits on the mouse or keys (a flash, a held button, a
// spinner): the platform keeps drawing frames; otherwise it may stop until input arrives.
bool ui_wants_frames(const AppState& state, const UiResources& ui, double now_ms);

// Colours of quotations: the margin bar and text tint of one that is certain, and the muted
// colour of one whose speaker is a guess or unknown.
uint32_t quote_color(float alpha = 1.0f);
uint32_t quote_uncertain_color(float alpha = 1.0f);

// Screen rectangle {x0, y0, x1, y1} of entity `index`'s first fragment as drawn in the last
// frame (for tests and automation). False if it is hidden or not laid out.
bool entity_screen_rect(UiResources& ui, int index, float rect[4]);

// Screen rectangle of quotation `index`'s first line segment as drawn in the last frame.
// False if it covers no text.
bool quote_screen_rect(UiResources& ui, int index, float rect[4]);

// Label colour of `label` in the open document (or grey), as an ImGui packed colour.
uint32_t label_color(const Document& doc, const std::string& label, float alpha = 1.0f);

}  // namespace glosa::app
