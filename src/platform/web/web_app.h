// The browser app's single instance: engine + app state + UI resources, shared by the main
// loop (main.cpp) and the functions exported to JavaScript (bridge.cpp). Layer: platform/web.
#pragma once

#include <string>

#include "app/app_state.h"
#include "app/ui.h"
#include "engine/engine.h"

namespace glosa::web {

struct WebApp {
  Engine engine;
  app::AppState state;
  app::UiResources ui;
  float dpr = 0;  // device pixel ratio the fonts were built for
};

WebApp& web_app();

// Paths inside Emscripten's virtual file system (--preload-file assets@/assets).
constexpr const char* kFontRegular = "/assets/fonts/DejaVuSans.ttf";
constexpr const char* kFontBold = "/assets/fonts/DejaVuSans-Bold.ttf";
constexpr const char* kSamplePath = "/assets/samples/sample-pl.txt";

// Fills state.services with browser implementations (download, file picker, clipboard,
// the annotation worker and the local store).
void install_platform_services(WebApp& app);

// Asks for at least `frames` more frames: the frame loop stops while nothing changes and
// starts again on input, a worker message or this call (main.cpp).
void request_frames(int frames = 4);

}  // namespace glosa::web
