// The souhra command: dispatches to its subcommands (commands.h).
#include <iostream>
#include <string>
#include <vector>

#include "app/commands.h"

int main(int argc, char** argv) {
  return souhra::RunSouhraCommand(std::vector<std::string>(argv + 1, argv + argc), std::cout,
                                  std::cerr);
}
