// Browser entry point: GLFW window on the page's canvas (WebGL2), Dear ImGui, the frame
// loop, and canvas sizing by devicePixelRatio for sharp text. Layer: platform/web.
#include <emscripten.h>
#include <emscripten/html5.h>
#define GLFW_INCLUDE_ES3
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <fstream>
#include <iterator>

#include "platform/web/web_app.h"

namespace {

// The frame loop runs only while something happens: input, a worker message, an animation
// (a flash, a spinner), a held key or button. Otherwise it pauses and the page does nothing
// until the next event wakes it (web/glosa-web.js calls glosa_wake on every input event).
int g_frames_left = 4;     // frames still to draw after the last wake-up
bool g_paused = false;
double g_frame_count = 0;  // frames drawn since the page opened (the idle benchmark reads it)

}  // namespace

namespace glosa::web {

WebApp& web_app() {
  static WebApp* app = new WebApp();  // lives for the page's lifetime
  return *app;
}

void request_frames(int frames) {
  if (frames > g_frames_left) g_frames_left = frames;
  if (g_paused) {
    g_paused = false;
    emscripten_resume_main_loop();
  }
}

}  // namespace glosa::web

// The mouse cursor as CSS: Emscripten's GLFW implements cursor modes with pointer lock,
// which the browser refuses outside a click, so the ImGui backend must not touch them.
EM_JS(void, glosa_js_set_cursor, (const char* css), { Module.canvas.style.cursor = UTF8ToString(css); });

// Resizes the canvas drawing buffer and tells GLFW (it listens to Browser's resize
// listeners). glfwSetWindowSize is avoided: Emscripten's version requests fullscreen when
// the size equals the screen's, which the browser refuses outside a click.
EM_JS(void, glosa_js_set_canvas_size, (int w, int h), { Browser.setCanvasSize(w, h); });

// Benchmarks collect the app's own time per frame (bench/app-frames.mjs sets the array).
EM_JS(void, glosa_js_frame_time, (double ms), {
  if (Module.glosaFrameTimes) Module.glosaFrameTimes.push(ms);
});

// The page's DOM mirror (screen readers) follows the document, the selection and the status
// line (web/glosa-web.js).
EM_JS(void, glosa_js_document_changed, (double revision), { Module.glosaDocumentChanged(revision); });
EM_JS(void, glosa_js_selection_changed, (int index), { Module.glosaSelectionChanged(index); });
EM_JS(void, glosa_js_message_changed, (const char* text), { Module.glosaMessageChanged(UTF8ToString(text)); });
EM_JS(void, glosa_js_spoken_changed, (const char* text), { Module.glosaSpokenChanged(UTF8ToString(text)); });

// Wakes the frame loop after `ms` milliseconds (a change waiting to be saved).
EM_JS(void, glosa_js_wake_after, (double ms), { Module.glosaWakeAfter(ms); });

namespace {

GLFWwindow* g_window = nullptr;

const char* css_cursor(ImGuiMouseCursor cursor) {
  switch (cursor) {
    case ImGuiMouseCursor_TextInput: return "text";
    case ImGuiMouseCursor_Hand: return "pointer";
    case ImGuiMouseCursor_ResizeEW: return "ew-resize";
    case ImGuiMouseCursor_ResizeNS: return "ns-resize";
    case ImGuiMouseCursor_ResizeAll: return "move";
    case ImGuiMouseCursor_NotAllowed: return "not-allowed";
    case ImGuiMouseCursor_None: return "none";
    default: return "default";
  }
}

// Sizes the canvas drawing buffer to CSS size x devicePixelRatio. ImGui then works in device
// pixels and the UI is scaled by the ratio (fonts rasterised at that size: sharp text).
void sync_canvas_size(glosa::web::WebApp& app) {
  double css_w = 0, css_h = 0;
  emscripten_get_element_css_size("#canvas", &css_w, &css_h);
  const float dpr = static_cast<float>(emscripten_get_device_pixel_ratio());
  const int w = static_cast<int>(std::lround(css_w * dpr));
  const int h = static_cast<int>(std::lround(css_h * dpr));
  int cur_w = 0, cur_h = 0;
  glfwGetWindowSize(g_window, &cur_w, &cur_h);
  if (w > 0 && h > 0 && (w != cur_w || h != cur_h)) glosa_js_set_canvas_size(w, h);
  if (dpr != app.dpr) {
    app.dpr = dpr;
    glosa::app::setup_fonts(app.ui, glosa::web::kFontRegular, glosa::web::kFontBold, dpr);
    glosa::app::apply_theme(dpr);
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
  }
}

void frame() {
  auto& app = glosa::web::web_app();
  const double t0 = emscripten_get_now();
  sync_canvas_size(app);
  glfwPollEvents();
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  // ImGui repeats a held key once it has been down 0.275 s of frame time. A slow frame (a
  // machine without a GPU, a frame after the loop slept) would count as a long hold, and one
  // press of Tab would select two entities: frame time is counted at most 1/20 s per frame.
  ImGuiIO& io = ImGui::GetIO();
  io.DeltaTime = std::min(io.DeltaTime, 0.05f);
  ImGui::NewFrame();
  glosa::app::draw_frame(app.state, app.ui);
  static ImGuiMouseCursor last_cursor = ImGuiMouseCursor_Arrow;
  if (ImGui::GetMouseCursor() != last_cursor) {
    last_cursor = ImGui::GetMouseCursor();
    glosa_js_set_cursor(css_cursor(last_cursor));
  }
  ImGui::Render();
  glosa_js_frame_time(emscripten_get_now() - t0);  // the app's work, before the GPU's
  int w = 0, h = 0;
  glfwGetFramebufferSize(g_window, &w, &h);
  glViewport(0, 0, w, h);
  glClearColor(0.96f, 0.96f, 0.95f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  ++g_frame_count;

  // What the DOM mirror shows follows what changed in this frame.
  static uint64_t mirrored_revision = ~0ull;
  static int mirrored_selection = -2;
  static std::string mirrored_message;
  if (app.state.doc_revision != mirrored_revision) {
    mirrored_revision = app.state.doc_revision;
    glosa_js_document_changed(static_cast<double>(mirrored_revision));
  }
  if (app.state.selected_entity != mirrored_selection) {
    mirrored_selection = app.state.selected_entity;
    glosa_js_selection_changed(mirrored_selection);
  }
  if (app.state.message != mirrored_message) {
    mirrored_message = app.state.message;
    glosa_js_message_changed(mirrored_message.c_str());
  }
  static std::string mirrored_spoken;
  if (app.ui.spoken != mirrored_spoken) {
    mirrored_spoken = app.ui.spoken;
    glosa_js_spoken_changed(mirrored_spoken.c_str());
  }

  // Saving a moment after each change; then keep drawing only while something moves.
  const double now = emscripten_get_now();
  const double save_at = glosa::app::autosave_tick(app.state);
  if (glosa::app::ui_wants_frames(app.state, app.ui, now)) g_frames_left = std::max(g_frames_left, 2);
  if (--g_frames_left <= 0) {
    g_frames_left = 0;
    g_paused = true;
    emscripten_pause_main_loop();
    if (save_at > 0) glosa_js_wake_after(std::max(0.0, save_at - now) + 5);
  }
}

std::string read_text_file(const char* path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

}  // namespace

int main() {
  if (!glfwInit()) {
    std::fprintf(stderr, "glosa: glfwInit failed\n");
    return 1;
  }
  glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
  // ImGui draws with neither depth nor stencil: without them the canvas holds no 4-byte
  // depth-stencil buffer per pixel (20 MB at 2800 x 1800, a high-DPI laptop's window) that the
  // browser clears before every frame.
  glfwWindowHint(GLFW_DEPTH_BITS, 0);
  glfwWindowHint(GLFW_STENCIL_BITS, 0);
  g_window = glfwCreateWindow(1280, 800, "Glosa", nullptr, nullptr);
  if (!g_window) {
    std::fprintf(stderr, "glosa: WebGL2 is not available in this browser\n");
    EM_ASM(if (Module.glosaFatal) Module.glosaFatal("WebGL2 is not available in this browser."));
    return 1;
  }
  glfwMakeContextCurrent(g_window);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // no imgui.ini in the browser
  io.ConfigInputTextCursorBlink = false;  // a blinking caret would keep the page drawing
  io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;  // CSS cursor instead, see above
  ImGui_ImplGlfw_InitForOpenGL(g_window, true);
  ImGui_ImplOpenGL3_Init("#version 300 es");

  auto& app = glosa::web::web_app();
  app.state.engine = &app.engine;
  app.ui.key_f10 = GLFW_KEY_F10;
  app.ui.key_menu = GLFW_KEY_MENU;
  app.state.sample_text = read_text_file(glosa::web::kSamplePath);
  glosa::web::install_platform_services(app);
  sync_canvas_size(app);

  emscripten_set_main_loop(frame, 0, false);
  EM_ASM(if (Module.glosaStarted) Module.glosaStarted());
  return 0;
}

extern "C" {

// Input, a worker message, a timer: draw again.
EMSCRIPTEN_KEEPALIVE void glosa_wake() { glosa::web::request_frames(4); }

// Frames drawn since the page opened (for the idle benchmark).
EMSCRIPTEN_KEEPALIVE double glosa_frame_count() { return g_frame_count; }

}  // extern "C"
