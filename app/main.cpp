// sre-roadmap: one executable for the window and the command line (docs/command-line.md).
#include "app/cli.h"

int main(int argc, char **argv)
{
    return srm::cli::run(argc, argv);
}
