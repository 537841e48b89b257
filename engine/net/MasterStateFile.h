#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/net/ShowState.h"

namespace hw {

// What a master keeps on disk so that a restart carries on where it was:
// the show state, the overlay over it, and which show it was playing.
struct MasterStateFile {
  std::string showId;                     // digest of show + wall the state belongs to
  std::vector<std::string> startSources;  // the master's command-line show when it was written
  std::string loadedSource;               // what `load` last read; "" = the command-line show
  std::string overlay = "none";           // "none", "pattern" or "blank"
  ShowState state;                        // position and pending commands, master clock

  // nullopt when `path` does not exist; throws InputError naming the file and
  // field when it holds anything else than what write() writes.
  static std::optional<MasterStateFile> read(const std::string& path);
  // Replaces `path` atomically; throws std::runtime_error when it cannot.
  void write(const std::string& path) const;
};

// The show a `load` put on the wall before the master stopped, if it is to be
// resumed: a load recorded in `saved` while the master ran with the same
// command-line show (`startSources`); "" when there is none or the operator
// has since started the master on another show.
std::string loadedShowToResume(const std::optional<MasterStateFile>& saved,
                               const std::vector<std::string>& startSources);

}  // namespace hw
