// SubstrateMotion: film thickness from the static deposition-rate field for the ways a
// substrate is exposed.
//  - Static: t(x, y) = R(x, y) * time. A static substrate may rest at a platen angle theta
//    (a turn about the vertical axis through `platenCentre`, the axis a rotating platen spins
//    about): the map is wanted in the substrate's own frame, in which the chamber (every
//    emission element) is turned by -theta about that axis; the sources are turned so,
//    exactly, before the transport (any method), which then works as for theta = 0.
//  - In-line scan along x at speed v, `passes` full passes through the coating zone
//    (start and end far from the cathodes): t(y) = passes / v * int R(X, y) dX, the
//    same for every x (the standard in-line coater result, e.g. Bunshah (ed.), Handbook
//    of Deposition Technologies for Films and Coatings, 2nd ed., Noyes 1994, ch. 5).
//  - Wafer rotation about the wafer centre over a time >> one turn:
//    t(r) = time * (1 / 2 pi) int_0^{2 pi} R(r cos a, r sin a) da.
//  - Oscillation: a static exposure of `timeS` with the substrate moved back and forth along
//    x (the array pitch axis) by the waveform of SubstrateOscillation.hpp; the film is the
//    time average of the static flux seen by the moving substrate.
#pragma once

#include "solvers/deposition/EmissionSource.hpp"
#include "solvers/deposition/FastConvolutionTransport.hpp"
#include "solvers/deposition/GasAttenuationModel.hpp"
#include "solvers/deposition/Substrate.hpp"
#include "solvers/deposition/SubstrateOscillation.hpp"

#include <string>
#include <vector>

namespace magtwin {

struct SubstrateMotion {
    enum class Kind { Static, InlineScan, WaferRotation, Oscillation };
    Kind kind = Kind::Static;
    double timeS = 60.0;                                ///< Static, WaferRotation, Oscillation
    double platenAngleRad = 0.0;                        ///< Static: the platen angle the substrate rests at
    double platenCentreXM = 0.0, platenCentreYM = 0.0;  ///< Static: the platen axis (the substrate centre)
    SubstrateOscillation oscillation;                   ///< Oscillation
    double scanSpeedMS = 0.01;                          ///< InlineScan
    int passes = 1;                                     ///< InlineScan
};

enum class TransportMethod { Fast, Direct };

/// `gas` (default: vacuum) is the calibrated fast gas model (GasAttenuationModel.hpp) in
/// either method: ballistic kernel x (eta + (1-eta) exp(-n sigma_eff r)) plus the
/// thermalised diffusive part.
/// Static atom-flux field (atoms m^-2 s^-1) at the substrate grid points.
std::vector<double> staticFlux(const std::vector<EmissionSource>& sources, const SubstrateGrid& grid,
                               TransportMethod method, const GasAttenuation& gas = GasAttenuation{});

/// The sources as a substrate resting at the motion's platen angle sees them (Static with
/// platenAngleRad != 0): every element turned by -theta about the vertical platen axis. Any
/// other motion, or theta = 0: the sources unchanged (the same objects' copies, bit for bit).
std::vector<EmissionSource> inPlatenFrame(const std::vector<EmissionSource>& sources, const SubstrateMotion& motion);
/// True when the motion turns the sources (a static substrate at a platen angle != 0): a
/// shift of a cathode along x is then no shift of its map along x.
bool turnsSources(const SubstrateMotion& motion);

/// Time-integrated atom fluence (atoms m^-2) at the substrate grid points for a motion.
/// For a scan the rate is integrated over a strip reaching 15 source heights h beyond the
/// sources on both sides: the cosine-law tail of a long line source beyond a distance D
/// is h^2/(4 D^2) of its total per side (integral of (pi/2) h^2/(h^2+x^2)^(3/2)), so the
/// fluence is low by at most 2.2e-3, nearly uniformly (it barely changes the uniformity).
std::vector<double> exposureFluence(const std::vector<EmissionSource>& sources, const SubstrateGrid& grid,
                                    const SubstrateMotion& motion, TransportMethod method,
                                    const GasAttenuation& gas = GasAttenuation{});

/// Oscillation: the plane of `grid` widened by the kernel's reach on both sides in x (the
/// static flux there feeds oscillationFluence; any transport method, including the Monte Carlo).
RegularPlaneGrid oscillationPlane(const SubstrateGrid& grid, const SubstrateMotion& motion);
/// Oscillation applied to the static flux on oscillationPlane(grid, motion): the fluence on `grid`.
std::vector<double> oscillationFluence(const std::vector<double>& staticOnPlane, const SubstrateGrid& grid,
                                       const SubstrateMotion& motion);

/// Wafer rotation applied to a static flux map on the wafer grid (any transport method,
/// including the Monte Carlo): the ring average above, times `timeS`.
std::vector<double> rotationAverage(const std::vector<double>& staticFluxMap, const SubstrateGrid& grid, double timeS);

}  // namespace magtwin
