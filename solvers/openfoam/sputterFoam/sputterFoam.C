/*---------------------------------------------------------------------------*\
  magtwin: OpenFOAM application for magnetron sputter tools.
  Built against OpenFOAM v1912 (www.openfoam.com), GPL-3.0-or-later like OpenFOAM.

Application
    sputterFoam

Description
    Target erosion and deposition over operating hours on a dynamic mesh.

    Each time step (typically minutes to hours of operation):
      1. the mesh moves: a displacement motion solver with the sputterErosion
         condition on the target patch erodes it by the local rate
         Gamma Y / n over the step;
      2. the quasi-steady transport of the thermalized sputtered atoms,

            \f[
                \nabla \cdot (D \nabla c) + S = 0,
            \f]

         is solved on the moved mesh, with sputteredFlux on the target
         (D dc/dn = f_th Gamma Y cos(theta) - s v/4 c) and filmDeposition on
         the substrate, shields and walls (-D dc/dn = s v/4 c, film thickness
         accumulated). With a gas (gasPressure > 0 in transportProperties) S
         is the thermalised share of every target face's emission, born where
         the core's gas model thermalises it (thermalisedSputterSource: f_th(h)
         at d_th along the face normal; the ballistic rest reaches the
         filmDeposition patches in line of sight, attenuated by the same
         model); each step logs the balance of S against the uptake on all
         patches ("Gas balance: ...");
      3. fields, the eroded depth and the film thickness are written; the film
         thickness also as the volScalarField filmThickness [m] (zero inside,
         the deposited thickness on the filmDeposition patches) so that ParaView
         shows it on the substrate.

    Quasi-steady: the diffusion time of the gas gap, H^2/D (about 1 ms for
    H = 5 cm and D = 2 m^2/s at 0.5 Pa), is many orders of magnitude below the
    erosion time step, so c follows the target geometry instantly.

    Reads constant/transportProperties:
    \verbatim
        D       [0 2 -1 0 0 0 0] 2;    // diffusivity of the sputtered atoms
        // optional, the gas (all from `magtwin foam-dict ... --film-out`):
        gasPressure 0.5; gasTemperature 300; sigmaEff 6.31e-21;
        scatteredDeposited 0; thermalisationColumn 2.51e17;
    \endverbatim
    and the field c (number density of thermalized sputtered atoms, 1/m^3).
    The sputter physics lives in the boundary conditions of libmagtwinFoam.so
    (load it with libs ("libmagtwinFoam.so"); in system/controlDict).

\*---------------------------------------------------------------------------*/

#include "fvCFD.H"
#include "dynamicFvMesh.H"
#include "boundary/openfoam/filmDeposition/filmDepositionFvPatchScalarField.H"
#include "boundary/openfoam/sputteredFlux/sputteredFluxFvPatchScalarField.H"
#include "boundary/openfoam/sputteredFlux/thermalisedSputterSource.H"

// * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * //

int main(int argc, char *argv[])
{
    argList::addNote
    (
        "Target erosion (mesh motion) and quasi-steady transport and deposition"
        " of thermalized sputtered atoms over operating hours."
    );

    #include "setRootCaseLists.H"
    #include "createTime.H"
    #include "createDynamicFvMesh.H"

    Info<< "Reading transportProperties\n" << endl;

    IOdictionary transportProperties
    (
        IOobject
        (
            "transportProperties",
            runTime.constant(),
            mesh,
            IOobject::MUST_READ_IF_MODIFIED,
            IOobject::NO_WRITE
        )
    );

    const dimensionedScalar D("D", dimViscosity, transportProperties);

    // The thermalised share as a volume source (none without a gas).
    thermalisedSputterSource thermalised(mesh, transportProperties);

    Info<< "Reading field c\n" << endl;

    volScalarField c
    (
        IOobject
        (
            "c",
            runTime.timeName(),
            mesh,
            IOobject::MUST_READ,
            IOobject::AUTO_WRITE
        ),
        mesh
    );

    // The flux conditions carry their own D (they also serve other solvers): it
    // must be the transport's, or the fluxes they impose would be wrong.
    forAll(c.boundaryField(), patchi)
    {
        const fvPatchScalarField& cp = c.boundaryField()[patchi];
        scalar patchD = -1;
        if (isA<filmDepositionFvPatchScalarField>(cp))
        {
            patchD = refCast<const filmDepositionFvPatchScalarField>(cp).diffusivity();
        }
        else if (isA<sputteredFluxFvPatchScalarField>(cp))
        {
            patchD = refCast<const sputteredFluxFvPatchScalarField>(cp).diffusivity();
        }
        if (patchD >= 0 && mag(patchD - D.value()) > 1e-12*D.value())
        {
            FatalErrorInFunction
                << "Patch " << cp.patch().name() << " of c (" << cp.type()
                << "): diffusivity " << patchD << " differs from D = " << D.value()
                << " in constant/transportProperties" << exit(FatalError);
        }
    }

    // The ballistic arrivals must be attenuated by the same gas.
    thermalised.checkLineOfSightPatches(c);

    // Film thickness for viewing: calculated patches, filled at write times.
    volScalarField filmThickness
    (
        IOobject
        (
            "filmThickness",
            runTime.timeName(),
            mesh,
            IOobject::NO_READ,
            IOobject::NO_WRITE
        ),
        mesh,
        dimensionedScalar(dimLength, Zero)
    );

    Info<< "\nStarting time loop\n" << endl;

    while (runTime.loop())
    {
        Info<< "Time = " << runTime.timeName() << nl << endl;

        // 1. Erode the target (sputterErosion on pointDisplacement).
        mesh.update();

        // 2. Quasi-steady transport on the moved mesh.
        const tmp<volScalarField::Internal> tS = thermalised.source(c);
        fvScalarMatrix cEqn
        (
            fvm::laplacian(D, c) + tS()
        );
        cEqn.solve();
        if (thermalised.active())
        {
            thermalised.balance(c, D.value(), Info);
        }

        // 3. Write (film thickness and eroded depth are also patch entries).
        if (runTime.writeTime())
        {
            forAll(c.boundaryField(), patchi)
            {
                const fvPatchScalarField& cp = c.boundaryField()[patchi];
                if (isA<filmDepositionFvPatchScalarField>(cp))
                {
                    filmThickness.boundaryFieldRef()[patchi] ==
                        1e-9*refCast<const filmDepositionFvPatchScalarField>(cp)
                            .filmThickness();
                }
            }
            filmThickness.write();
        }
        runTime.write();

        runTime.printExecutionTime(Info);
    }

    Info<< "End\n" << endl;

    return 0;
}

// ************************************************************************* //
