// ChamberSticking: the share of the sputtered atoms that stick when they reach a chamber
// surface other than the substrate (the tool file's process.sticking).
//
//   targets  the target faces (a planar target's face in the chamber's top plane);
//   shields  the rest of the plane of the target faces (dark-space and anode shields);
//   walls    everything else: the chamber's side walls and the floor beside the substrate.
//
// An atom that does not stick leaves the surface diffusely with the surface's (= the gas's)
// temperature: full thermal accommodation and a cosine direction (Maxwell's diffuse
// reflection with full accommodation, the DSMC wall model: G. A. Bird, Molecular Gas Dynamics
// and the Direct Simulation of Gas Flows, Oxford 1994). Its speed follows the Maxwellian flux
// through a surface: energy density E / (kT)^2 exp(-E / kT), a Gamma(2, kT) variate (the flux
// weights the Maxwellian by the normal speed; Bird 1994, the molecular flux across a surface).
//
// Default 1 everywhere, a project assumption stated here: metal atoms arriving at thermal or
// sputter energies on surfaces coated with the same metal at room temperature condense with a
// coefficient close to 1 (the condensation coefficient of M. Ohring, Materials Science of Thin Films, 2nd ed. 2002, ch.
// 7); it is also what the collisionless line of sight assumes (an atom that misses the substrate is lost). Lower
// values: hot or passivated shields, reactive processes, light or volatile species. Values in [0, 1]; 0 is a perfect
// reflector.
#pragma once

namespace magtwin {

struct ChamberSticking {
    double targets = 1.0;
    double shields = 1.0;
    double walls = 1.0;
    bool allStick() const { return targets == 1.0 && shields == 1.0 && walls == 1.0; }
};

}  // namespace magtwin
