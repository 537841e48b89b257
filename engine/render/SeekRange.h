#pragma once

#include <string>

#include "engine/render/Timeline.h"

namespace hw {

// Why a seek to `position` s cannot be made in cue `cue` (0-based) of
// `timeline`, in one line for the operator; "" when it can. A seek lands
// inside the cue, from 0 to just under its duration: anything else is
// refused, never clamped to a place the operator did not ask for.
std::string seekOutsideCue(const Timeline& timeline, int cue, double position);

}  // namespace hw
