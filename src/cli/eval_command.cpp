// `glosa-cli eval` (lands with the NER model, #4). Layer: cli.
#include "cli/cli_common.h"

namespace glosa::cli {

int run_eval(const std::vector<std::string>&) { return fail("eval is not built yet", 2); }

}  // namespace glosa::cli
