// magtwin: command-line entry point. Each subcommand lives in its own file.
// Exit status: 0 success, 2 bad input (arguments, config, data), 1 internal failure.
#include "cli/CalibrateGasCommand.hpp"
#include "cli/CalibrateRateCommand.hpp"
#include "cli/ErodeCommand.hpp"
#include "cli/ReactiveCommand.hpp"
#include "cli/SensitivityCommand.hpp"
#include "cli/UsageError.hpp"
#include "cli/ViewCommand.hpp"
#include "cli/YieldCommand.hpp"
#include "cli/compare/CompareCommand.hpp"
#include "cli/deposit/DepositCommand.hpp"
#include "cli/tool/FoamCaseCommand.hpp"
#include "cli/tool/ToolCommand.hpp"
#include "cli/twin/TwinCommand.hpp"

#include <CLI/CLI.hpp>

#include <cstdlib>
#include <iostream>

#ifndef MAGTWIN_DEFAULT_VALIDATION_DIR
#define MAGTWIN_DEFAULT_VALIDATION_DIR "../shared/validation"
#endif

namespace magtwin {
std::string defaultValidationDir() {
    if (const char* env = std::getenv("MAGTWIN_VALIDATION_DIR")) return env;
    return MAGTWIN_DEFAULT_VALIDATION_DIR;
}
}  // namespace magtwin

int main(int argc, char** argv) {
    CLI::App app{"magtwin: digital twin of magnetron sputter tools (yield, erosion, deposition)"};
    app.require_subcommand(1);
    magtwin::addYieldCommand(app);
    magtwin::addViewCommand(app);
    magtwin::addErodeCommand(app);
    magtwin::addDepositCommand(app);
    magtwin::addCompareCommand(app);
    magtwin::addCalibrateRateCommand(app);
    magtwin::addCalibrateGasCommand(app);
    magtwin::addSensitivityCommand(app);
    magtwin::addToolCommand(app);
    magtwin::addFoamCaseCommand(app);
    magtwin::addTwinCommand(app);
    magtwin::addReactiveCommand(app);
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::RuntimeError& e) {
        return e.get_exit_code();
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return 2;
    } catch (const magtwin::UsageError& e) {
        std::cerr << "magtwin: error: " << e.what() << "\n";
        return 2;
    } catch (const std::invalid_argument& e) {
        std::cerr << "magtwin: error: " << e.what() << "\n";
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "magtwin: failed: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
