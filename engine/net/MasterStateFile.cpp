#include "engine/net/MasterStateFile.h"

#include <filesystem>

#include "config/JsonFile.h"
#include "config/JsonObjectReader.h"
#include "engine/net/AtomicFile.h"
#include "engine/net/ShowStateJson.h"

namespace hw {

std::optional<MasterStateFile> MasterStateFile::read(const std::string& path) {
  if (!std::filesystem::exists(path)) return std::nullopt;
  nlohmann::json saved = readJsonFile(path);
  JsonObjectReader reader(saved, path, "");
  MasterStateFile file;
  file.showId = reader.string("show");
  // Files written before loads and overlays were kept have neither: the
  // command-line show, nothing over it.
  const nlohmann::json& sources = reader.array("start_sources");
  for (std::size_t i = 0; i < sources.size(); ++i) {
    if (!sources[i].is_string())
      reader.fail("start_sources", "entry " + std::to_string(i) + " must be a string");
    file.startSources.push_back(sources[i].get<std::string>());
  }
  file.loadedSource = reader.string("loaded_source", "");
  file.overlay = reader.string("overlay", "none");
  if (file.overlay != "none" && file.overlay != "pattern" && file.overlay != "blank")
    reader.fail("overlay",
                "must be \"none\", \"pattern\" or \"blank\" (got \"" + file.overlay + "\")");
  const nlohmann::json* state = reader.find("state");
  if (!state) reader.fail("state", "missing");
  file.state = showStateFromJson(*state, path);
  reader.rejectUnknownKeys();
  return file;
}

void MasterStateFile::write(const std::string& path) const {
  nlohmann::json saved{{"show", showId},
                       {"start_sources", startSources},
                       {"loaded_source", loadedSource},
                       {"overlay", overlay},
                       {"state", showStateToJson(state)}};
  writeFileAtomically(path, saved.dump(1) + "\n");
}

std::string loadedShowToResume(const std::optional<MasterStateFile>& saved,
                               const std::vector<std::string>& startSources) {
  if (!saved || saved->loadedSource.empty() || saved->startSources != startSources) return "";
  return saved->loadedSource;
}

}  // namespace hw
