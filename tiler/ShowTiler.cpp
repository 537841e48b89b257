#include "tiler/ShowTiler.h"

#include <chrono>
#include <cstdio>
#include <stdexcept>

#include "tiler/CueTiler.h"
#include "tiler/TileFiles.h"
#include "tiler/WallPreview.h"

namespace hw {
namespace {

std::string cueLabel(const Cue& cue, int number, int count) {
  return "cue " + std::to_string(number) + "/" + std::to_string(count) + " \"" + cue.title + "\"";
}

std::string seconds(std::chrono::steady_clock::duration elapsed) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f s", std::chrono::duration<double>(elapsed).count());
  return text;
}

}  // namespace

ShowTilingResult tileShow(const Playlist& show, const WallConfig& wall, MediaSource& media,
                          const ShowTilingOptions& options, std::ostream& progress) {
  ShowTilingResult result;
  CueTiler tiler(wall, media);
  const int count = static_cast<int>(show.cues.size());
  progress << count << (count == 1 ? " cue onto " : " cues onto ") << wall.name << " (" << wall.cols
           << "x" << wall.rows << " displays, " << wall.activeNodeCount() << " active) -> "
           << options.outFolder.string() << "\n";
  for (int i = 0; i < count; ++i) {
    const Cue& cue = show.cues[i];
    std::string label = cueLabel(cue, i + 1, count);
    std::filesystem::path folder = options.outFolder / cueFolderName(i + 1);
    auto start = std::chrono::steady_clock::now();
    try {
      if (!cue.playable)
        progress << label << ": not playable (" << cue.skipReason << "), background only\n";
      for (const LayoutItem& item : cue.items) {
        if (!cue.playable) break;
        if (item.media.kind == MediaKind::Movie) {
          progress << label << ": " << item.media.uri << ": a movie, not drawn by the tiler\n";
          continue;
        }
        LoadedMedia loaded = media.load(item.media);  // decoded once; the tiler reuses it
        if (loaded.standIn)
          progress << label << ": " << item.media.uri << ": not downloaded, using a "
                   << loaded.image->width << "x" << loaded.image->height << " stand-in card\n";
      }
      std::vector<Tile> tiles = tiler.renderAll(cue);
      writeTileFiles(tiles, composeWallPreview(wall, tiles, options.previewSize), folder);
      ++result.cuesWritten;
      std::size_t written = tiles.size();
      tiler.recycle(std::move(tiles));  // the next cue's frames reuse their memory
      progress << label << ": " << written << " tiles + " << kWallPreviewFileName << " -> "
               << folder.string() << " (" << seconds(std::chrono::steady_clock::now() - start)
               << ")\n";
    } catch (const std::runtime_error& e) {
      result.errors.push_back(label + ": " + e.what());
      progress << label << ": FAILED: " << e.what() << "\n";
    }
    progress.flush();
  }
  return result;
}

}  // namespace hw
